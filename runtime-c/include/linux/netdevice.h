/* linux/netdevice.h: network devices, NAPI, queue and carrier control, message levels. */
#ifndef _FGFT_LINUX_NETDEVICE_H
#define _FGFT_LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/if.h>
#include <linux/if_ether.h>
#include <linux/skbuff.h>
#include <linux/netdev_features.h>
#include <linux/timer.h>
#include <linux/bitops.h>

#define MAX_ADDR_LEN 32
#define NAPI_POLL_WEIGHT 64

enum netdev_tx {
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

typedef enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
} gro_result_t;

#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1

struct net_device;
struct ethtool_ops;
struct ifreq;

struct net_device_stats {
	unsigned long rx_packets, tx_packets, rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors, rx_dropped, tx_dropped;
	unsigned long multicast, collisions;
	unsigned long rx_length_errors, rx_over_errors, rx_crc_errors, rx_frame_errors, rx_fifo_errors,
		rx_missed_errors;
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors, tx_heartbeat_errors, tx_window_errors;
	unsigned long rx_compressed, tx_compressed;
};

struct rtnl_link_stats64 {
	__u64 rx_packets, tx_packets, rx_bytes, tx_bytes;
	__u64 rx_errors, tx_errors, rx_dropped, tx_dropped;
	__u64 multicast, collisions;
	__u64 rx_length_errors, rx_over_errors, rx_crc_errors, rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	__u64 tx_aborted_errors, tx_carrier_errors, tx_fifo_errors, tx_heartbeat_errors, tx_window_errors;
	__u64 rx_compressed, tx_compressed, rx_nohandler;
};

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	void (*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	void (*ndo_poll_controller)(struct net_device *dev);
	netdev_features_t (*ndo_fix_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_set_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_vlan_rx_add_vid)(struct net_device *dev, __be16 proto, u16 vid);
	int (*ndo_vlan_rx_kill_vid)(struct net_device *dev, __be16 proto, u16 vid);
};

struct netdev_hw_addr {
	struct netdev_hw_addr *next;
	unsigned char addr[MAX_ADDR_LEN];
};

struct netdev_hw_addr_list {
	struct netdev_hw_addr *head;
	int count;
};

struct napi_struct {
	struct net_device *dev;
	int (*poll)(struct napi_struct *napi, int budget);
	int weight;
	unsigned long state;
	/* shim bookkeeping */
	int fgft_enabled;
	int fgft_scheduled;
	int fgft_in_poll;
	int fgft_completed;
	void *fgft_owner;
	struct napi_struct *fgft_next;
};

#define NAPI_STATE_SCHED 0

struct net_device {
	char name[IFNAMSIZ];
	unsigned long mem_start;
	unsigned long mem_end;
	unsigned long base_addr;
	int irq;
	unsigned long state;
	netdev_features_t features;
	netdev_features_t hw_features;
	netdev_features_t vlan_features;
	unsigned int flags;
	unsigned int priv_flags;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	unsigned int mtu;
	unsigned int min_mtu;
	unsigned int max_mtu;
	unsigned short type;
	unsigned short hard_header_len;
	unsigned short needed_headroom;
	unsigned char addr_len;
	unsigned char *dev_addr; /* points at dev_addr_storage; set it with eth_hw_addr_set() */
	unsigned char perm_addr[MAX_ADDR_LEN];
	unsigned char broadcast[MAX_ADDR_LEN];
	struct netdev_hw_addr_list uc;
	struct netdev_hw_addr_list mc;
	int watchdog_timeo;
	unsigned int tx_queue_len;
	struct net_device_stats stats;
	struct device dev;
	/* shim bookkeeping */
	unsigned char dev_addr_storage[MAX_ADDR_LEN];
	int fgft_registered;
	int fgft_running;
	int fgft_queue_stopped;
	int fgft_carrier;
	int fgft_present;
	unsigned long fgft_trans_start;
	void *fgft_owner;
	void *fgft_priv;
	size_t fgft_priv_size;
};

#define SET_NETDEV_DEV(net, pdev) ((net)->dev.parent = (pdev))

static inline void *netdev_priv(const struct net_device *dev) { return dev->fgft_priv; }

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
void free_netdev(struct net_device *dev);
const char *netdev_name(const struct net_device *dev);
void dev_addr_set(struct net_device *dev, const u8 *addr);
void netdev_update_features(struct net_device *dev);

void netif_napi_add(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int));
void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
void __napi_schedule_irqoff(struct napi_struct *n);
bool napi_schedule(struct napi_struct *n);
void napi_schedule_irqoff(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);
bool napi_complete(struct napi_struct *n);
void napi_synchronize(const struct napi_struct *n);
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
int netif_rx(struct sk_buff *skb);

void netif_start_queue(struct net_device *dev);
void netif_stop_queue(struct net_device *dev);
void netif_wake_queue(struct net_device *dev);
bool netif_queue_stopped(const struct net_device *dev);
void netif_tx_start_all_queues(struct net_device *dev);
void netif_tx_stop_all_queues(struct net_device *dev);
void netif_tx_wake_all_queues(struct net_device *dev);
void netif_tx_disable(struct net_device *dev);
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
bool netif_carrier_ok(const struct net_device *dev);
bool netif_running(const struct net_device *dev);
void netif_device_attach(struct net_device *dev);
void netif_device_detach(struct net_device *dev);
bool netif_device_present(const struct net_device *dev);
void netif_trans_update(struct net_device *dev);
void netif_tx_lock_bh(struct net_device *dev);
void netif_tx_unlock_bh(struct net_device *dev);

/* Byte queue limits: accepted and ignored. */
static inline void netdev_sent_queue(struct net_device *dev, unsigned int bytes) { (void)dev; (void)bytes; }
static inline void netdev_completed_queue(struct net_device *dev, unsigned int pkts, unsigned int bytes)
{
	(void)dev; (void)pkts; (void)bytes;
}
static inline void netdev_reset_queue(struct net_device *dev) { (void)dev; }

#define netdev_mc_count(dev) ((dev)->mc.count)
#define netdev_mc_empty(dev) (netdev_mc_count(dev) == 0)
#define netdev_uc_count(dev) ((dev)->uc.count)
#define netdev_for_each_mc_addr(ha, dev) for ((ha) = (dev)->mc.head; (ha); (ha) = (ha)->next)
#define netdev_for_each_uc_addr(ha, dev) for ((ha) = (dev)->uc.head; (ha); (ha) = (ha)->next)

/* Message levels (ethtool msglvl). */
#define NETIF_MSG_DRV 0x0001
#define NETIF_MSG_PROBE 0x0002
#define NETIF_MSG_LINK 0x0004
#define NETIF_MSG_TIMER 0x0008
#define NETIF_MSG_IFDOWN 0x0010
#define NETIF_MSG_IFUP 0x0020
#define NETIF_MSG_RX_ERR 0x0040
#define NETIF_MSG_TX_ERR 0x0080
#define NETIF_MSG_TX_QUEUED 0x0100
#define NETIF_MSG_INTR 0x0200
#define NETIF_MSG_TX_DONE 0x0400
#define NETIF_MSG_RX_STATUS 0x0800
#define NETIF_MSG_PKTDATA 0x1000
#define NETIF_MSG_HW 0x2000
#define NETIF_MSG_WOL 0x4000

#define netif_msg_drv(p) ((p)->msg_enable & NETIF_MSG_DRV)
#define netif_msg_probe(p) ((p)->msg_enable & NETIF_MSG_PROBE)
#define netif_msg_link(p) ((p)->msg_enable & NETIF_MSG_LINK)
#define netif_msg_timer(p) ((p)->msg_enable & NETIF_MSG_TIMER)
#define netif_msg_ifdown(p) ((p)->msg_enable & NETIF_MSG_IFDOWN)
#define netif_msg_ifup(p) ((p)->msg_enable & NETIF_MSG_IFUP)
#define netif_msg_rx_err(p) ((p)->msg_enable & NETIF_MSG_RX_ERR)
#define netif_msg_tx_err(p) ((p)->msg_enable & NETIF_MSG_TX_ERR)
#define netif_msg_tx_queued(p) ((p)->msg_enable & NETIF_MSG_TX_QUEUED)
#define netif_msg_intr(p) ((p)->msg_enable & NETIF_MSG_INTR)
#define netif_msg_tx_done(p) ((p)->msg_enable & NETIF_MSG_TX_DONE)
#define netif_msg_rx_status(p) ((p)->msg_enable & NETIF_MSG_RX_STATUS)
#define netif_msg_pktdata(p) ((p)->msg_enable & NETIF_MSG_PKTDATA)
#define netif_msg_hw(p) ((p)->msg_enable & NETIF_MSG_HW)
#define netif_msg_wol(p) ((p)->msg_enable & NETIF_MSG_WOL)

static inline u32 netif_msg_init(int debug_value, int default_msg_enable_bits)
{
	if (debug_value < 0 || debug_value >= (int)(sizeof(u32) * 8))
		return (u32)default_msg_enable_bits;
	if (debug_value == 0)
		return 0;
	return (1U << debug_value) - 1;
}

int fgft_netdev_printk(const char *level, const struct net_device *dev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define netdev_emerg(dev, fmt, ...) fgft_netdev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define netdev_crit(dev, fmt, ...) fgft_netdev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define netdev_err(dev, fmt, ...) fgft_netdev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define netdev_warn(dev, fmt, ...) fgft_netdev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define netdev_notice(dev, fmt, ...) fgft_netdev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define netdev_info(dev, fmt, ...) fgft_netdev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define netdev_dbg(dev, fmt, ...) fgft_netdev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#define netif_level(level, priv, type, dev, fmt, ...) \
	do { if (netif_msg_##type(priv)) netdev_##level(dev, fmt, ##__VA_ARGS__); } while (0)
#define netif_err(priv, type, dev, fmt, ...) netif_level(err, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_warn(priv, type, dev, fmt, ...) netif_level(warn, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_notice(priv, type, dev, fmt, ...) netif_level(notice, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_info(priv, type, dev, fmt, ...) netif_level(info, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_dbg(priv, type, dev, fmt, ...) netif_level(dbg, priv, type, dev, fmt, ##__VA_ARGS__)

/* as in Linux, the ethtool operations come with <linux/netdevice.h> */
#include <linux/ethtool.h>

#endif
