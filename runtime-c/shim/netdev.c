/* Network devices: allocation and registration, queue/carrier state, the TX watchdog, and the stack side of
 * every ndo/ethtool call (the harness calls drivers through these, the way the kernel would). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/rtnetlink.h>
#include <linux/random.h>
#include <linux/pci.h>
#include <linux/errno.h>
#include "internal.h"
#include "arena.h"

#define MAX_NETDEVS 8

static struct net_device *netdevs[MAX_NETDEVS];
static int netdev_count;
static int name_index;
static struct fgft_stack_stats stack_stats;

void fgft_netdev_reset(void)
{
	netdev_count = 0;
	name_index = 0;
	memset(&stack_stats, 0, sizeof(stack_stats));
}

const struct fgft_stack_stats *fgft_stack_stats(void) { return &stack_stats; }
void fgft_stack_stats_mut_tx_timeout(void) { stack_stats.tx_timeouts++; }
void fgft_stack_stats_mut_irq_storm(void) { stack_stats.irq_storms++; }
void fgft_stack_stats_mut_rx(void) { stack_stats.rx_delivered++; }

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs)
{
	struct net_device *dev;

	(void)txqs; (void)rxqs;
	if (!fgft_policy_allow(FGFT_API_NET, "alloc_etherdev") || sizeof_priv < 0)
		return NULL;
	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return NULL;
	if (sizeof_priv) {
		/* the driver's private area is driver memory (arena.c); the net_device itself is the stack's */
		dev->fgft_priv = fgft_arena_alloc((size_t)sizeof_priv, 64, FGFT_ARENA_ZERO);
		if (!dev->fgft_priv) {
			free(dev);
			return NULL;
		}
	}
	dev->fgft_priv_size = (size_t)sizeof_priv;
	strcpy(dev->name, "eth%d");
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->type = 1; /* ARPHRD_ETHER */
	dev->hard_header_len = ETH_HLEN;
	dev->addr_len = ETH_ALEN;
	dev->dev_addr = dev->dev_addr_storage;
	memset(dev->broadcast, 0xff, ETH_ALEN);
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	dev->tx_queue_len = 1000;
	dev->fgft_carrier = 1; /* as in Linux, until the driver says otherwise */
	dev->fgft_present = 1;
	dev->fgft_owner = fgft_current_owner();
	fgft_track_add(FGFT_RES_NETDEV, dev, (unsigned long)sizeof_priv);
	return dev;
}

void free_netdev(struct net_device *dev)
{
	struct netdev_hw_addr *ha, *next;

	if (!dev)
		return;
	if (dev->fgft_registered) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "free_netdev(%s): device is still registered", dev->name);
		return;
	}
	if (fgft_track_remove(FGFT_RES_NETDEV, dev)) {
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "free_netdev(%p): not an allocated net_device", (void *)dev);
		return;
	}
	for (ha = dev->mc.head; ha; ha = next) {
		next = ha->next;
		free(ha);
	}
	if (dev->fgft_priv)
		fgft_arena_free(dev->fgft_priv);
	free(dev);
}

const char *netdev_name(const struct net_device *dev)
{
	if (!dev->name[0] || strchr(dev->name, '%'))
		return "(unnamed net_device)";
	return dev->name;
}

void dev_addr_set(struct net_device *dev, const u8 *addr)
{
	memcpy(dev->dev_addr_storage, addr, dev->addr_len ? dev->addr_len : ETH_ALEN);
	dev->dev_addr = dev->dev_addr_storage;
}

void netdev_update_features(struct net_device *dev) { (void)dev; }

static struct fgft_entry_state enter(struct net_device *dev, enum fgft_context ctx, const char *entry)
{
	return fgft_entry_begin(dev->fgft_owner, ctx, entry);
}

int register_netdev(struct net_device *dev)
{
	int err = 0;

	if (!fgft_policy_allow(FGFT_API_NET, "register_netdev"))
		return -EPERM;
	if (!fgft_check_may_sleep("register_netdev"))
		return -EINVAL;
	if (dev->fgft_registered || netdev_count == MAX_NETDEVS)
		return -EEXIST;
	if (!dev->netdev_ops) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "register_netdev: no netdev_ops");
		return -EINVAL;
	}
	if (strchr(dev->name, '%') || !dev->name[0])
		snprintf(dev->name, sizeof(dev->name), "eth%d", name_index++);
	if (dev->netdev_ops->ndo_init)
		err = dev->netdev_ops->ndo_init(dev);
	if (err)
		return err;
	memcpy(dev->perm_addr, dev->dev_addr, dev->addr_len);
	dev->fgft_registered = 1;
	netdevs[netdev_count++] = dev;
	fgft_track_add(FGFT_RES_NETDEV_REG, dev, 0);
	return 0;
}

static void remove_from_list(struct net_device *dev)
{
	int i;

	for (i = 0; i < netdev_count; i++) {
		if (netdevs[i] == dev) {
			memmove(&netdevs[i], &netdevs[i + 1], (size_t)(netdev_count - i - 1) * sizeof(netdevs[0]));
			netdev_count--;
			return;
		}
	}
}

void unregister_netdev(struct net_device *dev)
{
	if (!dev->fgft_registered) {
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "unregister_netdev(%s): not registered", dev->name);
		return;
	}
	if (dev->fgft_running)
		fgft_netdev_close(dev);
	if (dev->netdev_ops->ndo_uninit)
		dev->netdev_ops->ndo_uninit(dev);
	dev->fgft_registered = 0;
	remove_from_list(dev);
	fgft_track_remove(FGFT_RES_NETDEV_REG, dev);
}

struct net_device *fgft_netdev_get(int index)
{
	return index >= 0 && index < netdev_count ? netdevs[index] : NULL;
}

/* ---- queue and carrier state ---- */
void netif_start_queue(struct net_device *dev) { dev->fgft_queue_stopped = 0; }
void netif_stop_queue(struct net_device *dev) { dev->fgft_queue_stopped = 1; }
void netif_wake_queue(struct net_device *dev) { dev->fgft_queue_stopped = 0; }
bool netif_queue_stopped(const struct net_device *dev) { return dev->fgft_queue_stopped; }
void netif_tx_start_all_queues(struct net_device *dev) { netif_start_queue(dev); }
void netif_tx_stop_all_queues(struct net_device *dev) { netif_stop_queue(dev); }
void netif_tx_wake_all_queues(struct net_device *dev) { netif_wake_queue(dev); }
void netif_tx_disable(struct net_device *dev) { netif_stop_queue(dev); }
void netif_trans_update(struct net_device *dev) { dev->fgft_trans_start = jiffies; }
void netif_tx_lock_bh(struct net_device *dev) { (void)dev; local_bh_disable(); }
void netif_tx_unlock_bh(struct net_device *dev) { (void)dev; local_bh_enable(); }
bool netif_running(const struct net_device *dev) { return dev->fgft_running; }
bool netif_carrier_ok(const struct net_device *dev) { return dev->fgft_carrier; }
bool netif_device_present(const struct net_device *dev) { return dev->fgft_present; }

void netif_carrier_on(struct net_device *dev)
{
	if (!dev->fgft_carrier)
		dev->fgft_trans_start = jiffies; /* the watchdog restarts with the link */
	dev->fgft_carrier = 1;
}

void netif_carrier_off(struct net_device *dev) { dev->fgft_carrier = 0; }

void netif_device_detach(struct net_device *dev)
{
	dev->fgft_present = 0;
	netif_stop_queue(dev);
}

void netif_device_attach(struct net_device *dev)
{
	dev->fgft_present = 1;
	if (dev->fgft_running)
		netif_wake_queue(dev);
}

/* ---- the TX watchdog (dev_watchdog) ---- */
static int watchdog_armed(const struct net_device *dev, unsigned long *deadline)
{
	int timeo = dev->watchdog_timeo > 0 ? dev->watchdog_timeo : 5 * HZ;

	if (!dev->fgft_running || !dev->fgft_carrier || !dev->fgft_present || !dev->fgft_queue_stopped ||
	    !dev->netdev_ops->ndo_tx_timeout)
		return 0;
	*deadline = dev->fgft_trans_start + (unsigned long)timeo;
	return 1;
}

int fgft_netdev_watchdog_run(void)
{
	int i, ran = 0;

	for (i = 0; i < netdev_count; i++) {
		struct net_device *dev = netdevs[i];
		struct fgft_entry_state saved;
		unsigned long deadline;

		if (!watchdog_armed(dev, &deadline) || !time_after(jiffies, deadline))
			continue;
		fgft_log("NETDEV WATCHDOG: %s: transmit queue 0 timed out\n", netdev_name(dev));
		stack_stats.tx_timeouts++;
		dev->fgft_trans_start = jiffies;
		saved = enter(dev, FGFT_CTX_SOFTIRQ, "ndo_tx_timeout");
		dev->netdev_ops->ndo_tx_timeout(dev, 0);
		fgft_entry_end(saved);
		ran++;
	}
	return ran;
}

u64 fgft_netdev_watchdog_next_ns(void)
{
	u64 next = UINT64_MAX;
	int i;

	for (i = 0; i < netdev_count; i++) {
		unsigned long deadline;

		if (watchdog_armed(netdevs[i], &deadline)) {
			u64 t = (u64)(deadline + 1) * FGFT_NS_PER_JIFFY;

			if (t < next)
				next = t;
		}
	}
	return next;
}

/* ---- calls into the driver, made the way the stack makes them ---- */
void fgft_netdev_set_rx_mode(struct net_device *dev, unsigned int flags)
{
	struct fgft_entry_state saved;

	dev->flags = (dev->flags & ~(unsigned int)(IFF_PROMISC | IFF_ALLMULTI)) | (flags & (IFF_PROMISC | IFF_ALLMULTI));
	if (!dev->netdev_ops->ndo_set_rx_mode || !dev->fgft_running)
		return;
	rtnl_lock();
	saved = enter(dev, FGFT_CTX_PROCESS, "ndo_set_rx_mode");
	local_bh_disable(); /* called under netif_addr_lock_bh */
	dev->netdev_ops->ndo_set_rx_mode(dev);
	local_bh_enable();
	fgft_entry_end(saved);
	rtnl_unlock();
}

int fgft_netdev_open(struct net_device *dev)
{
	struct fgft_entry_state saved;
	int err = 0;

	if (dev->fgft_running)
		return 0;
	if (!dev->fgft_present)
		return -ENODEV;
	rtnl_lock();
	saved = enter(dev, FGFT_CTX_PROCESS, "ndo_open");
	if (dev->netdev_ops->ndo_validate_addr)
		err = dev->netdev_ops->ndo_validate_addr(dev);
	if (!err && dev->netdev_ops->ndo_open)
		err = dev->netdev_ops->ndo_open(dev);
	fgft_entry_end(saved);
	rtnl_unlock();
	if (err)
		return err;
	dev->fgft_running = 1;
	dev->flags |= IFF_UP;
	dev->fgft_trans_start = jiffies;
	fgft_netdev_set_rx_mode(dev, dev->flags);
	return 0;
}

int fgft_netdev_close(struct net_device *dev)
{
	struct fgft_entry_state saved;
	int err = 0;

	if (!dev->fgft_running)
		return 0;
	rtnl_lock();
	dev->fgft_running = 0; /* cleared first, as __dev_close does, so the driver sees !netif_running */
	saved = enter(dev, FGFT_CTX_PROCESS, "ndo_stop");
	if (dev->netdev_ops->ndo_stop)
		err = dev->netdev_ops->ndo_stop(dev);
	fgft_entry_end(saved);
	rtnl_unlock();
	dev->flags &= ~(unsigned int)IFF_UP;
	return err;
}

netdev_tx_t fgft_netdev_xmit(struct net_device *dev, struct sk_buff *skb)
{
	struct fgft_entry_state saved;
	netdev_tx_t ret;

	if (!dev->fgft_running || dev->fgft_queue_stopped || !dev->fgft_present)
		return NETDEV_TX_BUSY;
	skb->dev = dev;
	fgft_skb_mark_driver_owned(skb, dev->fgft_owner);
	saved = enter(dev, FGFT_CTX_SOFTIRQ, "ndo_start_xmit");
	ret = dev->netdev_ops->ndo_start_xmit(skb, dev);
	fgft_entry_end(saved);
	if (ret == NETDEV_TX_OK)
		dev->fgft_trans_start = jiffies;
	else
		fgft_skb_mark_stack_owned(skb);
	return ret;
}

int fgft_netdev_change_mtu(struct net_device *dev, int mtu)
{
	struct fgft_entry_state saved;
	int err = 0;

	if (mtu < (int)dev->min_mtu || mtu > (int)dev->max_mtu)
		return -EINVAL;
	rtnl_lock();
	saved = enter(dev, FGFT_CTX_PROCESS, "ndo_change_mtu");
	if (dev->netdev_ops->ndo_change_mtu)
		err = dev->netdev_ops->ndo_change_mtu(dev, mtu);
	else
		dev->mtu = (unsigned int)mtu;
	fgft_entry_end(saved);
	rtnl_unlock();
	return err;
}

int fgft_netdev_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd)
{
	int (*fn)(struct net_device *, struct ifreq *, int) =
		dev->netdev_ops->ndo_eth_ioctl ? dev->netdev_ops->ndo_eth_ioctl : dev->netdev_ops->ndo_do_ioctl;
	struct fgft_entry_state saved;
	int err;

	if (!fn)
		return -EOPNOTSUPP;
	rtnl_lock();
	saved = enter(dev, FGFT_CTX_PROCESS, "ndo_eth_ioctl");
	err = fn(dev, ifr, cmd);
	fgft_entry_end(saved);
	rtnl_unlock();
	return err;
}

void fgft_netdev_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *stats)
{
	struct fgft_entry_state saved;

	memset(stats, 0, sizeof(*stats));
	if (dev->netdev_ops->ndo_get_stats64) {
		saved = enter(dev, FGFT_CTX_PROCESS, "ndo_get_stats64");
		dev->netdev_ops->ndo_get_stats64(dev, stats);
		fgft_entry_end(saved);
		return;
	}
	stats->rx_packets = dev->stats.rx_packets;
	stats->tx_packets = dev->stats.tx_packets;
	stats->rx_bytes = dev->stats.rx_bytes;
	stats->tx_bytes = dev->stats.tx_bytes;
	stats->rx_errors = dev->stats.rx_errors;
	stats->tx_errors = dev->stats.tx_errors;
	stats->rx_dropped = dev->stats.rx_dropped;
	stats->tx_dropped = dev->stats.tx_dropped;
}

int fgft_ethtool_set_msglevel(struct net_device *dev, u32 level)
{
	struct fgft_entry_state saved;

	if (!dev->ethtool_ops || !dev->ethtool_ops->set_msglevel)
		return -EOPNOTSUPP;
	rtnl_lock();
	saved = enter(dev, FGFT_CTX_PROCESS, "ethtool_set_msglevel");
	dev->ethtool_ops->set_msglevel(dev, level);
	fgft_entry_end(saved);
	rtnl_unlock();
	return 0;
}

int fgft_ethtool_get_msglevel(struct net_device *dev, u32 *level)
{
	struct fgft_entry_state saved;

	if (!dev->ethtool_ops || !dev->ethtool_ops->get_msglevel)
		return -EOPNOTSUPP;
	saved = enter(dev, FGFT_CTX_PROCESS, "ethtool_get_msglevel");
	*level = dev->ethtool_ops->get_msglevel(dev);
	fgft_entry_end(saved);
	return 0;
}

int fgft_ethtool_get_ringparam(struct net_device *dev, struct ethtool_ringparam *ring)
{
	struct kernel_ethtool_ringparam kring;
	struct netlink_ext_ack ack = { NULL };
	struct fgft_entry_state saved;

	if (!dev->ethtool_ops || !dev->ethtool_ops->get_ringparam)
		return -EOPNOTSUPP;
	memset(ring, 0, sizeof(*ring));
	memset(&kring, 0, sizeof(kring));
	saved = enter(dev, FGFT_CTX_PROCESS, "ethtool_get_ringparam");
	dev->ethtool_ops->get_ringparam(dev, ring, &kring, &ack);
	fgft_entry_end(saved);
	return 0;
}

int fgft_ethtool_set_ringparam(struct net_device *dev, u32 rx_pending, u32 tx_pending)
{
	struct ethtool_ringparam ring;
	struct kernel_ethtool_ringparam kring;
	struct netlink_ext_ack ack = { NULL };
	struct fgft_entry_state saved;
	int err = fgft_ethtool_get_ringparam(dev, &ring);

	if (err)
		return err;
	if (!dev->ethtool_ops->set_ringparam)
		return -EOPNOTSUPP;
	ring.rx_pending = rx_pending;
	ring.tx_pending = tx_pending;
	/* ethtool's own range check, before the driver sees the request */
	if (ring.rx_pending > ring.rx_max_pending || ring.tx_pending > ring.tx_max_pending)
		return -EINVAL;
	memset(&kring, 0, sizeof(kring));
	rtnl_lock();
	saved = enter(dev, FGFT_CTX_PROCESS, "ethtool_set_ringparam");
	err = dev->ethtool_ops->set_ringparam(dev, &ring, &kring, &ack);
	fgft_entry_end(saved);
	rtnl_unlock();
	return err;
}

int fgft_ethtool_get_drvinfo(struct net_device *dev, struct ethtool_drvinfo *info)
{
	struct fgft_entry_state saved;

	if (!dev->ethtool_ops || !dev->ethtool_ops->get_drvinfo)
		return -EOPNOTSUPP;
	memset(info, 0, sizeof(*info));
	saved = enter(dev, FGFT_CTX_PROCESS, "ethtool_get_drvinfo");
	dev->ethtool_ops->get_drvinfo(dev, info);
	fgft_entry_end(saved);
	return 0;
}

int fgft_ethtool_get_link(struct net_device *dev)
{
	struct fgft_entry_state saved;
	int link;

	if (!dev->ethtool_ops || !dev->ethtool_ops->get_link)
		return netif_carrier_ok(dev);
	saved = enter(dev, FGFT_CTX_PROCESS, "ethtool_get_link");
	link = (int)dev->ethtool_ops->get_link(dev);
	fgft_entry_end(saved);
	return link;
}

int fgft_pci_pm(struct pci_dev *pdev, int suspend);

static struct pci_dev *pci_dev_of(struct net_device *dev)
{
	return dev->dev.parent && dev->dev.parent->fgft ? to_pci_dev(dev->dev.parent) : NULL;
}

int fgft_pci_suspend(struct net_device *dev)
{
	struct pci_dev *pdev = pci_dev_of(dev);

	return pdev ? fgft_pci_pm(pdev, 1) : -ENODEV;
}

int fgft_pci_resume(struct net_device *dev)
{
	struct pci_dev *pdev = pci_dev_of(dev);

	return pdev ? fgft_pci_pm(pdev, 0) : -ENODEV;
}

u32 ethtool_op_get_link(struct net_device *dev)
{
	return netif_carrier_ok(dev) ? 1 : 0;
}

/* ---- Ethernet helpers ---- */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	if (skb->len < ETH_HLEN)
		return htons(ETH_P_802_3);
	skb_pull(skb, ETH_HLEN);
	if (is_multicast_ether_addr(eth->h_dest))
		skb->pkt_type = is_broadcast_ether_addr(eth->h_dest) ? PACKET_BROADCAST : PACKET_MULTICAST;
	else if (!ether_addr_equal(eth->h_dest, dev->dev_addr))
		skb->pkt_type = PACKET_OTHERHOST;
	else
		skb->pkt_type = PACKET_HOST;
	skb->protocol = ntohs(eth->h_proto) >= ETH_P_802_3_MIN ? eth->h_proto : htons(ETH_P_802_3);
	return skb->protocol;
}

int eth_validate_addr(struct net_device *dev)
{
	return is_valid_ether_addr(dev->dev_addr) ? 0 : -EADDRNOTAVAIL;
}

int eth_mac_addr(struct net_device *dev, void *p)
{
	const struct sockaddr *sa = p;

	if (!is_valid_ether_addr((const u8 *)sa->sa_data))
		return -EADDRNOTAVAIL;
	dev_addr_set(dev, (const u8 *)sa->sa_data);
	return 0;
}

void eth_random_addr(u8 *addr)
{
	get_random_bytes(addr, ETH_ALEN);
	addr[0] &= 0xfe; /* unicast */
	addr[0] |= 0x02; /* locally administered */
}

void eth_hw_addr_random(struct net_device *dev)
{
	u8 addr[ETH_ALEN];

	eth_random_addr(addr);
	dev_addr_set(dev, addr);
}
