/* linux/etherdevice.h: Ethernet device allocation and address helpers. */
#ifndef _FGFT_LINUX_ETHERDEVICE_H
#define _FGFT_LINUX_ETHERDEVICE_H

#include <linux/types.h>
#include <linux/string.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>

#define alloc_etherdev(sizeof_priv) alloc_etherdev_mqs(sizeof_priv, 1, 1)
#define alloc_etherdev_mq(sizeof_priv, count) alloc_etherdev_mqs(sizeof_priv, count, count)

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
int eth_validate_addr(struct net_device *dev);
int eth_mac_addr(struct net_device *dev, void *p);
void eth_random_addr(u8 *addr);
void eth_hw_addr_random(struct net_device *dev);

static inline int is_zero_ether_addr(const u8 *addr)
{
	return (addr[0] | addr[1] | addr[2] | addr[3] | addr[4] | addr[5]) == 0;
}
static inline int is_multicast_ether_addr(const u8 *addr) { return addr[0] & 0x01; }
static inline int is_broadcast_ether_addr(const u8 *addr)
{
	return (addr[0] & addr[1] & addr[2] & addr[3] & addr[4] & addr[5]) == 0xff;
}
static inline int is_unicast_ether_addr(const u8 *addr) { return !is_multicast_ether_addr(addr); }
static inline int is_valid_ether_addr(const u8 *addr)
{
	return !is_multicast_ether_addr(addr) && !is_zero_ether_addr(addr);
}
static inline void ether_addr_copy(u8 *dst, const u8 *src) { memcpy(dst, src, ETH_ALEN); }
static inline int ether_addr_equal(const u8 *a, const u8 *b) { return memcmp(a, b, ETH_ALEN) == 0; }
static inline void eth_broadcast_addr(u8 *addr) { memset(addr, 0xff, ETH_ALEN); }
static inline void eth_zero_addr(u8 *addr) { memset(addr, 0, ETH_ALEN); }
static inline void eth_hw_addr_set(struct net_device *dev, const u8 *addr) { dev_addr_set(dev, addr); }
static inline int eth_skb_pad(struct sk_buff *skb) { return skb_put_padto(skb, ETH_ZLEN); }
static inline struct ethhdr *eth_hdr(const struct sk_buff *skb) { return (struct ethhdr *)skb_mac_header(skb); }

#endif
