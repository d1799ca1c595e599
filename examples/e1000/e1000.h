/* SPDX-License-Identifier: GPL-2.0 */
/*
 * e1000.h - adapter and ring structures of the fgftc example e1000 driver.
 */
#ifndef _E1000_H_
#define _E1000_H_

#include <linux/types.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <fgft.h>

#include "e1000_hw.h"

#define E1000_DRV_NAME		"e1000"
#define E1000_DRV_VERSION	"fgftc-1.0"

/* Ring sizes, in descriptors (multiples of E1000_RING_ALIGN_DESC). */
#define E1000_DEFAULT_TXD	256
#define E1000_MIN_TXD		48
#define E1000_MAX_TXD		4096
#define E1000_DEFAULT_RXD	256
#define E1000_MIN_RXD		48
#define E1000_MAX_RXD		4096

/* Largest frame the 82540EM accepts in one 16 KiB receive buffer. */
#define E1000_MAX_JUMBO_FRAME_SIZE	16128
#define E1000_RXBUFFER_2048	2048
#define E1000_RXBUFFER_4096	4096
#define E1000_RXBUFFER_8192	8192
#define E1000_RXBUFFER_16384	16384

/* Wake the TX queue once this many descriptors are free again. */
#define E1000_TX_WAKE_THRESHOLD	32
/* Hand RX buffers back to the device in batches of this many. */
#define E1000_RX_BUFFER_WRITE	16

/* How often the watchdog looks at the link and kicks the interrupt. */
#define E1000_WATCHDOG_INTERVAL	(2 * HZ)

/* Registers dumped by ethtool -d. */
#define E1000_REGS_LEN		24

struct e1000_hw {
	/* BAR 0, mapped by ioremap. */
	u8 __iomem * COUNT(E1000_MMIO_LEN) hw_addr;
	u16 device_id;
	u8 revision_id;
	u8 mac_addr[ETH_ALEN];
};

/* What the driver remembers about each TX descriptor it filled. */
struct e1000_tx_buffer {
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int length;
};

/* What the driver remembers about each RX descriptor it gave the device. */
struct e1000_rx_buffer {
	struct sk_buff *skb;
	dma_addr_t dma;
};

struct e1000_tx_ring {
	unsigned int count;		/* descriptors in the ring */
	unsigned int size;		/* bytes of descriptor memory */
	struct e1000_tx_desc * COUNT(count) desc;
	dma_addr_t dma;			/* bus address of desc */
	struct e1000_tx_buffer * COUNT(count) buffer_info;
	unsigned int next_to_use;	/* next slot xmit fills */
	unsigned int next_to_clean;	/* next slot cleanup inspects */
};

struct e1000_rx_ring {
	unsigned int count;
	unsigned int size;
	struct e1000_rx_desc * COUNT(count) desc;
	dma_addr_t dma;
	struct e1000_rx_buffer * COUNT(count) buffer_info;
	unsigned int next_to_use;	/* next slot refill fills */
	unsigned int next_to_clean;	/* next slot RX cleanup inspects */
};

/* Read-to-clear hardware counters, accumulated by e1000_update_stats(). */
struct e1000_hw_stats {
	u64 crcerrs;
	u64 algnerrc;
	u64 symerrs;
	u64 rxerrc;
	u64 mpc;
	u64 colc;
	u64 rlec;
	u64 ruc;
	u64 roc;
	u64 rnbc;
	u64 mprc;
	u64 gprc;
	u64 gptc;
	u64 gorc;
	u64 gotc;
	u64 tpr;
	u64 tpt;
};

/* Counters kept by the driver itself. */
struct e1000_sw_stats {
	u64 rx_packets;
	u64 rx_bytes;
	u64 rx_errors;
	u64 rx_dropped;
	u64 rx_length_errors;
	u64 rx_crc_errors;
	u64 rx_over_errors;
	u64 tx_packets;
	u64 tx_bytes;
	u64 tx_dropped;
	u64 tx_busy;
	u64 tx_timeout_count;
	u64 alloc_rx_buff_failed;
};

/* Bits of e1000_adapter.flags */
enum e1000_state_t {
	__E1000_TESTING,
	__E1000_RESETTING,
	__E1000_DOWN,
};

struct e1000_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	struct e1000_hw hw;

	struct e1000_tx_ring tx_ring;
	struct e1000_rx_ring rx_ring;
	/* Ring sizes chosen by ethtool, used when the rings are allocated. */
	unsigned int tx_ring_count;
	unsigned int rx_ring_count;
	unsigned int rx_buffer_len;

	struct napi_struct napi;
	u32 msg_enable;
	unsigned long flags;

	struct work_struct reset_task;	/* TX timeout recovery */
	struct work_struct link_task;	/* link state change handling */
	struct delayed_work watchdog_task;	/* periodic link/stats/irq check */

	/*
	 * Serialises reconfiguration (ring sizes, MTU, message level) with
	 * itself and with the reset task; taken after rtnl_lock.
	 */
	struct mutex config_mutex;

	spinlock_t stats_lock;
	struct e1000_sw_stats sw_stats;
	struct e1000_hw_stats hw_stats;

	u16 link_speed;
	u16 link_duplex;
};

/* e1000_main.c */
int e1000_up(struct e1000_adapter * NONNULL adapter);
void e1000_down(struct e1000_adapter * NONNULL adapter);
void e1000_reinit_locked(struct e1000_adapter * NONNULL adapter);
int e1000_setup_all_tx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_tx_ring * NONNULL tx_ring,
				 unsigned int count);
int e1000_setup_all_rx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_rx_ring * NONNULL rx_ring,
				 unsigned int count);
void e1000_free_all_tx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_tx_ring * NONNULL tx_ring);
void e1000_free_all_rx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_rx_ring * NONNULL rx_ring);
void e1000_update_stats(struct e1000_adapter * NONNULL adapter);

/* e1000_ethtool.c */
void e1000_set_ethtool_ops(struct net_device * NONNULL netdev);

static inline u32 er32(struct e1000_hw * NONNULL hw, u32 reg)
{
	return readl(hw->hw_addr + reg);
}

static inline void ew32(struct e1000_hw * NONNULL hw, u32 reg, u32 value)
{
	writel(value, hw->hw_addr + reg);
}

/* Posted writes reach the device once a read from it completes. */
static inline void e1000_write_flush(struct e1000_hw * NONNULL hw)
{
	(void)er32(hw, E1000_STATUS);
}

#endif /* _E1000_H_ */
