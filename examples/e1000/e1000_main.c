// SPDX-License-Identifier: GPL-2.0
/*
 * e1000_main.c - fgftc example driver for the Intel 82540EM gigabit NIC.
 *
 * A single-queue legacy-descriptor driver written from the 8254x manual in
 * the style of drivers/net/ethernet/intel/e1000: PCI probe/remove, EEPROM
 * and MAC address, reset and link bring-up, TX/RX rings, NAPI, TX timeout
 * recovery, statistics, MTU, RX filtering, MII ioctls and power management.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mii.h>
#include <linux/if_vlan.h>
#include <linux/delay.h>
#include <linux/bitops.h>
#include <linux/atomic.h>
#include <linux/rtnetlink.h>
#include <linux/pm.h>
#include <fgft.h>

#include "e1000.h"

static const char e1000_driver_name[] = E1000_DRV_NAME;
static const char e1000_driver_string[] = "Intel(R) PRO/1000 Network Driver (fgftc example)";

#define DEFAULT_MSG_ENABLE (NETIF_MSG_DRV | NETIF_MSG_PROBE | NETIF_MSG_LINK)
static int debug = -1;
module_param(debug, int, 0);
MODULE_PARM_DESC(debug, "Debug level (0=none,...,16=all)");

static const struct pci_device_id e1000_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, E1000_DEV_ID_82540EM) },
	{ 0, }
};
MODULE_DEVICE_TABLE(pci, e1000_pci_tbl);

/* EEPROM reads finish within microseconds; give up after ~10 ms. */
#define E1000_EERD_POLL_US	5
#define E1000_EERD_POLL_TRIES	2000
/* MDIC transactions take ~64 MDC clocks each. */
#define E1000_MDIC_POLL_US	50
#define E1000_MDIC_POLL_TRIES	640
/* Time allowed for queued TX frames to leave before the ring is torn down. */
#define E1000_TX_DRAIN_POLL_MS	1
#define E1000_TX_DRAIN_TRIES	100

/* ------------------------------------------------------------------ */
/* Hardware access: reset, EEPROM, MAC address, link                   */
/* ------------------------------------------------------------------ */

/* Mask every interrupt and throw away pending causes. */
static void e1000_irq_disable(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;

	ew32(hw, E1000_IMC, ~0U);
	e1000_write_flush(hw);
}

static void e1000_irq_enable(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;

	ew32(hw, E1000_IMS, E1000_IMS_ENABLE_MASK);
	e1000_write_flush(hw);
}

/* Quiesce the MAC and issue a device reset through CTRL.RST. */
static int e1000_reset_hw(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	int i;

	ew32(hw, E1000_IMC, ~0U);
	ew32(hw, E1000_RCTL, 0);
	ew32(hw, E1000_TCTL, E1000_TCTL_PSP);
	e1000_write_flush(hw);
	/* Let in-flight DMA finish before the reset. */
	msleep(10);

	ew32(hw, E1000_CTRL, er32(hw, E1000_CTRL) | E1000_CTRL_RST);
	/* RST self-clears once the reset has completed. */
	for (i = 0; i < 100; i++) {
		usleep_range(10, 20);
		if (!(er32(hw, E1000_CTRL) & E1000_CTRL_RST))
			break;
	}
	if (er32(hw, E1000_CTRL) & E1000_CTRL_RST) {
		netdev_err(adapter->netdev, "device reset did not complete\n");
		return -EIO;
	}

	ew32(hw, E1000_IMC, ~0U);
	(void)er32(hw, E1000_ICR);
	return 0;
}

static int e1000_read_eeprom(struct e1000_hw * NONNULL hw, u16 offset,
			     u16 words, u16 * COUNT(words) data)
{
	u16 i;
	int tries;
	u32 eerd;

	for (i = 0; i < words; i++) {
		ew32(hw, E1000_EERD,
		     ((u32)(offset + i) << E1000_EERD_ADDR_SHIFT) |
		     E1000_EERD_START);
		for (tries = 0; tries < E1000_EERD_POLL_TRIES; tries++) {
			eerd = er32(hw, E1000_EERD);
			if (eerd & E1000_EERD_DONE)
				break;
			udelay(E1000_EERD_POLL_US);
		}
		if (!(eerd & E1000_EERD_DONE))
			return -EIO;
		data[i] = (u16)(eerd >> E1000_EERD_DATA_SHIFT);
	}
	return 0;
}

static int e1000_validate_eeprom_checksum(struct e1000_adapter * NONNULL adapter)
{
	u16 words[E1000_EEPROM_CHECKSUM_WORDS];
	u16 sum = 0;
	unsigned int i;
	int err;

	err = e1000_read_eeprom(&adapter->hw, 0, E1000_EEPROM_CHECKSUM_WORDS, words);
	if (err) {
		dev_err(&adapter->pdev->dev, "EEPROM read timed out\n");
		return err;
	}
	for (i = 0; i < E1000_EEPROM_CHECKSUM_WORDS; i++)
		sum += words[i];
	if (sum != E1000_EEPROM_SUM) {
		dev_err(&adapter->pdev->dev,
			"The EEPROM Checksum Is Not Valid (0x%04x)\n", sum);
		return -EIO;
	}
	return 0;
}

static int e1000_read_mac_addr(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	u16 words[ETH_ALEN / 2];
	unsigned int i;
	int err;

	err = e1000_read_eeprom(hw, E1000_EEPROM_MAC_ADDR, ETH_ALEN / 2, words);
	if (err)
		return err;
	for (i = 0; i < ETH_ALEN / 2; i++) {
		hw->mac_addr[i * 2] = (u8)(words[i] & 0xFF);
		hw->mac_addr[i * 2 + 1] = (u8)(words[i] >> 8);
	}
	if (!is_valid_ether_addr(hw->mac_addr)) {
		dev_err(&adapter->pdev->dev, "Invalid MAC Address: %pM\n",
			hw->mac_addr);
		return -EIO;
	}
	return 0;
}

/* Program receive address 0 and mark it valid. */
static void e1000_rar_set(struct e1000_hw * NONNULL hw,
			  const u8 * COUNT(ETH_ALEN) addr)
{
	u32 ral = (u32)addr[0] | ((u32)addr[1] << 8) |
		  ((u32)addr[2] << 16) | ((u32)addr[3] << 24);
	u32 rah = (u32)addr[4] | ((u32)addr[5] << 8) | E1000_RAH_AV;

	ew32(hw, E1000_RAL0, ral);
	ew32(hw, E1000_RAH0, rah);
	e1000_write_flush(hw);
}

/* Copper link: let the PHY auto-negotiate and the MAC follow its result. */
static void e1000_setup_link(struct e1000_hw * NONNULL hw)
{
	u32 ctrl = er32(hw, E1000_CTRL);

	ctrl &= ~(E1000_CTRL_LRST | E1000_CTRL_PHY_RST |
		  E1000_CTRL_FRCSPD | E1000_CTRL_FRCDPX);
	ctrl |= E1000_CTRL_SLU | E1000_CTRL_ASDE;
	ew32(hw, E1000_CTRL, ctrl);
	e1000_write_flush(hw);
}

static void e1000_clear_mta(struct e1000_hw * NONNULL hw)
{
	u32 i;

	for (i = 0; i < E1000_MTA_ENTRIES; i++)
		ew32(hw, E1000_MTA + (i << 2), 0);
	e1000_write_flush(hw);
}

/* Everything the MAC needs after a reset, apart from the rings. */
static void e1000_init_hw(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;

	e1000_rar_set(hw, hw->mac_addr);
	e1000_clear_mta(hw);
	ew32(hw, E1000_ITR, 0);
	e1000_setup_link(hw);
}

static int e1000_read_phy_reg(struct e1000_adapter * NONNULL adapter,
			      u32 reg, u16 * NONNULL value)
{
	struct e1000_hw *hw = &adapter->hw;
	u32 mdic = 0;
	int i;

	if (reg > E1000_MAX_PHY_REG)
		return -EINVAL;
	ew32(hw, E1000_MDIC, (reg << E1000_MDIC_REG_SHIFT) |
	     (E1000_PHY_ADDR << E1000_MDIC_PHY_SHIFT) | E1000_MDIC_OP_READ);
	for (i = 0; i < E1000_MDIC_POLL_TRIES; i++) {
		udelay(E1000_MDIC_POLL_US);
		mdic = er32(hw, E1000_MDIC);
		if (mdic & E1000_MDIC_READY)
			break;
	}
	if (!(mdic & E1000_MDIC_READY) || (mdic & E1000_MDIC_ERROR))
		return -EIO;
	*value = (u16)(mdic & E1000_MDIC_DATA_MASK);
	return 0;
}

static int e1000_write_phy_reg(struct e1000_adapter * NONNULL adapter,
			       u32 reg, u16 value)
{
	struct e1000_hw *hw = &adapter->hw;
	u32 mdic = 0;
	int i;

	if (reg > E1000_MAX_PHY_REG)
		return -EINVAL;
	ew32(hw, E1000_MDIC, value | (reg << E1000_MDIC_REG_SHIFT) |
	     (E1000_PHY_ADDR << E1000_MDIC_PHY_SHIFT) | E1000_MDIC_OP_WRITE);
	for (i = 0; i < E1000_MDIC_POLL_TRIES; i++) {
		udelay(E1000_MDIC_POLL_US);
		mdic = er32(hw, E1000_MDIC);
		if (mdic & E1000_MDIC_READY)
			break;
	}
	if (!(mdic & E1000_MDIC_READY) || (mdic & E1000_MDIC_ERROR))
		return -EIO;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Statistics                                                          */
/* ------------------------------------------------------------------ */

/* Fold the read-to-clear counters into the running totals. */
void e1000_update_stats(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	struct e1000_hw_stats *s = &adapter->hw_stats;
	unsigned long flags;

	/* A suspended device answers nothing useful. */
	if (!netif_device_present(adapter->netdev))
		return;

	spin_lock_irqsave(&adapter->stats_lock, flags);
	s->crcerrs += er32(hw, E1000_CRCERRS);
	s->algnerrc += er32(hw, E1000_ALGNERRC);
	s->symerrs += er32(hw, E1000_SYMERRS);
	s->rxerrc += er32(hw, E1000_RXERRC);
	s->mpc += er32(hw, E1000_MPC);
	s->colc += er32(hw, E1000_COLC);
	s->rlec += er32(hw, E1000_RLEC);
	s->ruc += er32(hw, E1000_RUC);
	s->roc += er32(hw, E1000_ROC);
	s->rnbc += er32(hw, E1000_RNBC);
	s->mprc += er32(hw, E1000_MPRC);
	s->gprc += er32(hw, E1000_GPRC);
	s->gptc += er32(hw, E1000_GPTC);
	/* The low half must be read first: reading the high half clears both. */
	s->gorc += er32(hw, E1000_GORCL);
	s->gorc += (u64)er32(hw, E1000_GORCH) << 32;
	s->gotc += er32(hw, E1000_GOTCL);
	s->gotc += (u64)er32(hw, E1000_GOTCH) << 32;
	s->tpr += er32(hw, E1000_TPR);
	s->tpt += er32(hw, E1000_TPT);
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

static void e1000_get_stats64(struct net_device *netdev,
			      struct rtnl_link_stats64 *stats)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	const struct e1000_sw_stats *sw = &adapter->sw_stats;
	const struct e1000_hw_stats *hws = &adapter->hw_stats;
	unsigned long flags;

	if (netif_running(netdev))
		e1000_update_stats(adapter);

	spin_lock_irqsave(&adapter->stats_lock, flags);
	stats->rx_packets = sw->rx_packets;
	stats->rx_bytes = sw->rx_bytes;
	stats->tx_packets = sw->tx_packets;
	stats->tx_bytes = sw->tx_bytes;
	stats->rx_dropped = sw->rx_dropped;
	stats->tx_dropped = sw->tx_dropped;
	stats->multicast = hws->mprc;
	stats->collisions = hws->colc;
	stats->rx_crc_errors = hws->crcerrs + sw->rx_crc_errors;
	stats->rx_frame_errors = hws->algnerrc;
	stats->rx_length_errors = hws->rlec + hws->ruc + hws->roc +
				  sw->rx_length_errors;
	stats->rx_missed_errors = hws->mpc;
	stats->rx_over_errors = sw->rx_over_errors;
	stats->rx_errors = sw->rx_errors + hws->crcerrs + hws->algnerrc +
			   hws->symerrs + hws->rxerrc + hws->rlec +
			   hws->ruc + hws->roc;
	stats->tx_errors = 0;
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

/* ------------------------------------------------------------------ */
/* Ring memory                                                         */
/* ------------------------------------------------------------------ */

static unsigned int e1000_tx_desc_unused(const struct e1000_tx_ring * NONNULL ring)
{
	unsigned int ntc = ring->next_to_clean;
	unsigned int ntu = ring->next_to_use;

	return ((ntc > ntu) ? 0 : ring->count) + ntc - ntu - 1;
}

static unsigned int e1000_rx_desc_unused(const struct e1000_rx_ring * NONNULL ring)
{
	unsigned int ntc = ring->next_to_clean;
	unsigned int ntu = ring->next_to_use;

	return ((ntc > ntu) ? 0 : ring->count) + ntc - ntu - 1;
}

/*
 * Allocate a TX ring of @count descriptors.  The descriptor array, its
 * bookkeeping and count are stored together, so the ring is never seen
 * with a count its arrays do not have.
 */
int e1000_setup_all_tx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_tx_ring * NONNULL tx_ring,
				 unsigned int count)
{
	struct device *dev = &adapter->pdev->dev;
	struct e1000_tx_buffer *buffer_info;
	struct e1000_tx_desc *desc;
	unsigned int size;
	dma_addr_t dma;

	buffer_info = kcalloc(count, sizeof(struct e1000_tx_buffer), GFP_KERNEL);
	if (!buffer_info)
		goto err_buffer_info;

	size = ALIGN(count * sizeof(struct e1000_tx_desc), 4096);
	desc = dma_alloc_coherent(dev, size, &dma, GFP_KERNEL);
	if (!desc)
		goto err_desc;

	tx_ring->desc = desc;
	tx_ring->count = count;
	tx_ring->buffer_info = buffer_info;
	tx_ring->size = size;
	tx_ring->dma = dma;
	tx_ring->next_to_use = 0;
	tx_ring->next_to_clean = 0;
	return 0;

err_desc:
	kfree(buffer_info);
err_buffer_info:
	netdev_err(adapter->netdev,
		   "Unable to allocate memory for the transmit descriptor ring\n");
	return -ENOMEM;
}

int e1000_setup_all_rx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_rx_ring * NONNULL rx_ring,
				 unsigned int count)
{
	struct device *dev = &adapter->pdev->dev;
	struct e1000_rx_buffer *buffer_info;
	struct e1000_rx_desc *desc;
	unsigned int size;
	dma_addr_t dma;

	buffer_info = kcalloc(count, sizeof(struct e1000_rx_buffer), GFP_KERNEL);
	if (!buffer_info)
		goto err_buffer_info;

	size = ALIGN(count * sizeof(struct e1000_rx_desc), 4096);
	desc = dma_alloc_coherent(dev, size, &dma, GFP_KERNEL);
	if (!desc)
		goto err_desc;

	rx_ring->desc = desc;
	rx_ring->count = count;
	rx_ring->buffer_info = buffer_info;
	rx_ring->size = size;
	rx_ring->dma = dma;
	rx_ring->next_to_use = 0;
	rx_ring->next_to_clean = 0;
	return 0;

err_desc:
	kfree(buffer_info);
err_buffer_info:
	netdev_err(adapter->netdev,
		   "Unable to allocate memory for the receive descriptor ring\n");
	return -ENOMEM;
}

static void e1000_unmap_and_free_tx_resource(struct e1000_adapter * NONNULL adapter,
					     struct e1000_tx_buffer * NONNULL buffer_info)
{
	if (buffer_info->dma) {
		dma_unmap_single(&adapter->pdev->dev, buffer_info->dma,
				 buffer_info->length, DMA_TO_DEVICE);
		buffer_info->dma = 0;
	}
	if (buffer_info->skb) {
		dev_kfree_skb_any(buffer_info->skb);
		buffer_info->skb = NULL;
	}
}

/* Drop whatever the device never sent. */
static void e1000_clean_tx_ring(struct e1000_adapter * NONNULL adapter,
				struct e1000_tx_ring * NONNULL tx_ring)
{
	unsigned int i;

	if (!tx_ring->buffer_info)
		return;
	for (i = 0; i < tx_ring->count; i++) {
		if (tx_ring->buffer_info[i].skb)
			adapter->sw_stats.tx_dropped++;
		e1000_unmap_and_free_tx_resource(adapter, &tx_ring->buffer_info[i]);
	}
	memset(tx_ring->desc, 0, tx_ring->count * sizeof(struct e1000_tx_desc));
	tx_ring->next_to_use = 0;
	tx_ring->next_to_clean = 0;
}

static void e1000_clean_rx_ring(struct e1000_adapter * NONNULL adapter,
				struct e1000_rx_ring * NONNULL rx_ring)
{
	struct e1000_rx_buffer *buffer_info;
	unsigned int i;

	if (!rx_ring->buffer_info)
		return;
	for (i = 0; i < rx_ring->count; i++) {
		buffer_info = &rx_ring->buffer_info[i];
		if (buffer_info->dma)
			dma_unmap_single(&adapter->pdev->dev, buffer_info->dma,
					 adapter->rx_buffer_len, DMA_FROM_DEVICE);
		buffer_info->dma = 0;
		if (buffer_info->skb)
			dev_kfree_skb_any(buffer_info->skb);
		buffer_info->skb = NULL;
	}
	memset(rx_ring->desc, 0, rx_ring->count * sizeof(struct e1000_rx_desc));
	rx_ring->next_to_use = 0;
	rx_ring->next_to_clean = 0;
}

void e1000_free_all_tx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_tx_ring * NONNULL tx_ring)
{
	if (!tx_ring->desc)
		return;
	e1000_clean_tx_ring(adapter, tx_ring);
	kfree(tx_ring->buffer_info);
	dma_free_coherent(&adapter->pdev->dev, tx_ring->size, tx_ring->desc,
			  tx_ring->dma);
	/* A freed ring has no descriptors (adapter->tx_ring_count keeps the size). */
	tx_ring->desc = NULL;
	tx_ring->count = 0;
	tx_ring->buffer_info = NULL;
}

void e1000_free_all_rx_resources(struct e1000_adapter * NONNULL adapter,
				 struct e1000_rx_ring * NONNULL rx_ring)
{
	if (!rx_ring->desc)
		return;
	e1000_clean_rx_ring(adapter, rx_ring);
	kfree(rx_ring->buffer_info);
	dma_free_coherent(&adapter->pdev->dev, rx_ring->size, rx_ring->desc,
			  rx_ring->dma);
	rx_ring->desc = NULL;
	rx_ring->count = 0;
	rx_ring->buffer_info = NULL;
}

/* ------------------------------------------------------------------ */
/* Receive                                                             */
/* ------------------------------------------------------------------ */

/*
 * Give the device a buffer in every free slot from next_to_use on, then move
 * RDT.  A slot whose skb survived (an errored frame) is handed back as is.
 */
static void e1000_alloc_rx_buffers(struct e1000_adapter * NONNULL adapter,
				   struct e1000_rx_ring * NONNULL rx_ring,
				   unsigned int cleaned_count)
{
	struct net_device *netdev = adapter->netdev;
	struct device *dev = &adapter->pdev->dev;
	unsigned int i = rx_ring->next_to_use;
	struct e1000_rx_buffer *buffer_info;
	struct e1000_rx_desc *rx_desc;
	struct sk_buff *skb;

	while (cleaned_count--) {
		buffer_info = &rx_ring->buffer_info[i];
		if (!buffer_info->skb) {
			skb = netdev_alloc_skb_ip_align(netdev, adapter->rx_buffer_len);
			if (!skb) {
				adapter->sw_stats.alloc_rx_buff_failed++;
				break;
			}
			buffer_info->dma = dma_map_single(dev, skb->data,
							  adapter->rx_buffer_len,
							  DMA_FROM_DEVICE);
			if (dma_mapping_error(dev, buffer_info->dma)) {
				buffer_info->dma = 0;
				dev_kfree_skb_any(skb);
				adapter->sw_stats.alloc_rx_buff_failed++;
				break;
			}
			buffer_info->skb = skb;
		}
		rx_desc = &rx_ring->desc[i];
		rx_desc->buffer_addr = cpu_to_le64(buffer_info->dma);
		rx_desc->length = 0;
		rx_desc->status = 0;
		rx_desc->errors = 0;
		if (++i == rx_ring->count)
			i = 0;
	}

	if (rx_ring->next_to_use != i) {
		rx_ring->next_to_use = i;
		/* Descriptors must be in memory before the device sees RDT. */
		wmb();
		ew32(&adapter->hw, E1000_RDT, i);
	}
}

/*
 * Deliver one completed descriptor's frame.  A frame with errors is dropped
 * and its buffer stays mapped, to be handed back to the device as it is.
 */
static void e1000_receive_one(struct e1000_adapter * NONNULL adapter,
			      struct e1000_rx_buffer * NONNULL buffer_info,
			      const struct e1000_rx_desc * NONNULL rx_desc,
			      bool in_napi)
{
	struct net_device *netdev = adapter->netdev;
	unsigned int length = le16_to_cpu(rx_desc->length);
	struct sk_buff *skb = buffer_info->skb;

	if (!(rx_desc->status & E1000_RXD_STAT_EOP) ||
	    length > adapter->rx_buffer_len || length < ETH_HLEN) {
		/* Frame spans buffers or is malformed. */
		adapter->sw_stats.rx_length_errors++;
		adapter->sw_stats.rx_errors++;
		return;
	}
	if (rx_desc->errors & E1000_RXD_ERR_FRAME_ERR_MASK) {
		if (rx_desc->errors & E1000_RXD_ERR_CE)
			adapter->sw_stats.rx_crc_errors++;
		adapter->sw_stats.rx_errors++;
		return;
	}

	dma_unmap_single(&adapter->pdev->dev, buffer_info->dma,
			 adapter->rx_buffer_len, DMA_FROM_DEVICE);
	buffer_info->dma = 0;
	buffer_info->skb = NULL;

	skb_put(skb, length);
	skb->protocol = eth_type_trans(skb, netdev);
	adapter->sw_stats.rx_packets++;
	adapter->sw_stats.rx_bytes += length;
	if (in_napi)
		napi_gro_receive(&adapter->napi, skb);
	else
		netif_rx(skb);
}

/*
 * Hand up to @budget received frames to the stack.  Outside NAPI (while the
 * interface is being taken down) frames go through netif_rx() instead.
 */
static int e1000_clean_rx_irq(struct e1000_adapter * NONNULL adapter,
			      struct e1000_rx_ring * NONNULL rx_ring,
			      int budget, bool in_napi)
{
	unsigned int i = rx_ring->next_to_clean;
	struct e1000_rx_desc *rx_desc;
	unsigned int cleaned_count = 0;
	int work_done = 0;

	while (work_done < budget) {
		rx_desc = &rx_ring->desc[i];
		if (!(rx_desc->status & E1000_RXD_STAT_DD))
			break;
		/* Read the rest of the descriptor only after DD. */
		dma_rmb();
		e1000_receive_one(adapter, &rx_ring->buffer_info[i], rx_desc,
				  in_napi);
		rx_desc->status = 0;
		work_done++;
		if (++i == rx_ring->count)
			i = 0;
		rx_ring->next_to_clean = i;

		if (in_napi && ++cleaned_count >= E1000_RX_BUFFER_WRITE) {
			e1000_alloc_rx_buffers(adapter, rx_ring,
					       e1000_rx_desc_unused(rx_ring));
			cleaned_count = 0;
		}
	}

	if (in_napi && e1000_rx_desc_unused(rx_ring))
		e1000_alloc_rx_buffers(adapter, rx_ring,
				       e1000_rx_desc_unused(rx_ring));
	return work_done;
}

/* ------------------------------------------------------------------ */
/* Transmit                                                            */
/* ------------------------------------------------------------------ */

/* Reclaim descriptors the device has sent; false if cleanup ran out of budget. */
static bool e1000_clean_tx_irq(struct e1000_adapter * NONNULL adapter,
			       struct e1000_tx_ring * NONNULL tx_ring,
			       int napi_budget)
{
	struct net_device *netdev = adapter->netdev;
	unsigned int i = tx_ring->next_to_clean;
	struct e1000_tx_buffer *buffer_info;
	struct e1000_tx_desc *tx_desc;
	unsigned int count = 0;

	while (i != tx_ring->next_to_use && count < tx_ring->count) {
		tx_desc = &tx_ring->desc[i];
		if (!(tx_desc->status & E1000_TXD_STAT_DD))
			break;
		dma_rmb();
		buffer_info = &tx_ring->buffer_info[i];
		if (buffer_info->skb) {
			adapter->sw_stats.tx_packets++;
			adapter->sw_stats.tx_bytes += buffer_info->length;
			dma_unmap_single(&adapter->pdev->dev, buffer_info->dma,
					 buffer_info->length, DMA_TO_DEVICE);
			buffer_info->dma = 0;
			napi_consume_skb(buffer_info->skb, napi_budget);
			buffer_info->skb = NULL;
		}
		tx_desc->status = 0;
		count++;
		if (++i == tx_ring->count)
			i = 0;
	}
	tx_ring->next_to_clean = i;

	/* Pairs with the barrier in e1000_maybe_stop_tx(). */
	smp_mb();
	if (count && netif_queue_stopped(netdev) && netif_carrier_ok(netdev) &&
	    e1000_tx_desc_unused(tx_ring) >= E1000_TX_WAKE_THRESHOLD &&
	    !test_bit(__E1000_DOWN, &adapter->flags))
		netif_wake_queue(netdev);

	return count < tx_ring->count;
}

/* Stop the queue when fewer than @needed descriptors are free. */
static int e1000_maybe_stop_tx(struct net_device * NONNULL netdev,
			       struct e1000_tx_ring * NONNULL tx_ring,
			       unsigned int needed)
{
	if (likely(e1000_tx_desc_unused(tx_ring) >= needed))
		return 0;
	netif_stop_queue(netdev);
	/* Cleanup may have freed descriptors since the test above. */
	smp_mb();
	if (e1000_tx_desc_unused(tx_ring) < needed)
		return -EBUSY;
	netif_start_queue(netdev);
	return 0;
}

static netdev_tx_t e1000_xmit_frame(struct sk_buff *skb,
				    struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;
	struct device *dev = &adapter->pdev->dev;
	struct e1000_tx_buffer *buffer_info;
	struct e1000_tx_desc *tx_desc;
	unsigned int len = skb->len;
	unsigned int i;
	dma_addr_t dma;

	if (test_bit(__E1000_DOWN, &adapter->flags) || len == 0 ||
	    len > netdev->mtu + ETH_HLEN + VLAN_HLEN || skb_is_nonlinear(skb)) {
		adapter->sw_stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}

	if (e1000_maybe_stop_tx(netdev, tx_ring, 1)) {
		adapter->sw_stats.tx_busy++;
		return NETDEV_TX_BUSY;
	}

	dma = dma_map_single(dev, skb->data, len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, dma)) {
		adapter->sw_stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}

	i = tx_ring->next_to_use;
	buffer_info = &tx_ring->buffer_info[i];
	buffer_info->skb = skb;
	buffer_info->dma = dma;
	buffer_info->length = len;

	tx_desc = &tx_ring->desc[i];
	tx_desc->buffer_addr = cpu_to_le64(dma);
	tx_desc->length = cpu_to_le16((u16)len);
	tx_desc->cso = 0;
	tx_desc->css = 0;
	tx_desc->special = 0;
	tx_desc->status = 0;
	tx_desc->cmd = E1000_TXD_CMD_EOP | E1000_TXD_CMD_IFCS | E1000_TXD_CMD_RS;

	if (++i == tx_ring->count)
		i = 0;
	tx_ring->next_to_use = i;

	/* The descriptor must be in memory before the device sees TDT. */
	wmb();
	ew32(&adapter->hw, E1000_TDT, i);

	/* Stop now rather than return NETDEV_TX_BUSY on the next frame. */
	e1000_maybe_stop_tx(netdev, tx_ring, 1);
	return NETDEV_TX_OK;
}

static void e1000_tx_timeout(struct net_device *netdev, unsigned int txqueue)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	(void)txqueue;
	adapter->sw_stats.tx_timeout_count++;
	netdev_warn(netdev, "Detected Tx Unit Hang: TDH <%x> TDT <%x> next_to_clean <%x>\n",
		    er32(&adapter->hw, E1000_TDH), er32(&adapter->hw, E1000_TDT),
		    adapter->tx_ring.next_to_clean);
	schedule_work(&adapter->reset_task);
}

static void e1000_reset_task(struct work_struct *work)
{
	struct e1000_adapter *adapter =
		container_of(work, struct e1000_adapter, reset_task);

	rtnl_lock();
	mutex_lock(&adapter->config_mutex);
	if (!test_bit(__E1000_DOWN, &adapter->flags) &&
	    netif_running(adapter->netdev)) {
		netif_err(adapter, tx_err, adapter->netdev, "Reset adapter\n");
		e1000_reinit_locked(adapter);
	}
	mutex_unlock(&adapter->config_mutex);
	rtnl_unlock();
}

/* ------------------------------------------------------------------ */
/* Interrupts and NAPI                                                 */
/* ------------------------------------------------------------------ */

static irqreturn_t e1000_intr(int irq, void *data)
{
	struct net_device *netdev = data;
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_hw *hw = &adapter->hw;
	u32 icr;

	(void)irq;
	icr = er32(hw, E1000_ICR);
	if (unlikely(!icr))
		return IRQ_NONE;	/* shared line, not ours */

	if (unlikely(icr & (E1000_ICR_LSC | E1000_ICR_RXSEQ)) &&
	    !test_bit(__E1000_DOWN, &adapter->flags))
		schedule_work(&adapter->link_task);
	if (unlikely(icr & E1000_ICR_RXO))
		adapter->sw_stats.rx_over_errors++;

	/* Mask until NAPI has done the work. */
	if (likely(napi_schedule_prep(&adapter->napi))) {
		ew32(hw, E1000_IMC, ~0U);
		e1000_write_flush(hw);
		__napi_schedule(&adapter->napi);
	}
	return IRQ_HANDLED;
}

static int e1000_clean(struct napi_struct *napi, int budget)
{
	struct e1000_adapter *adapter =
		container_of(napi, struct e1000_adapter, napi);
	bool tx_clean_complete;
	int work_done;

	tx_clean_complete = e1000_clean_tx_irq(adapter, &adapter->tx_ring, budget);
	work_done = e1000_clean_rx_irq(adapter, &adapter->rx_ring, budget, true);

	if (!tx_clean_complete || work_done >= budget)
		return budget;

	if (likely(napi_complete_done(napi, work_done)) &&
	    !test_bit(__E1000_DOWN, &adapter->flags))
		e1000_irq_enable(adapter);
	return work_done;
}

/* ------------------------------------------------------------------ */
/* Link state                                                          */
/* ------------------------------------------------------------------ */

static void e1000_get_speed_and_duplex(struct e1000_adapter * NONNULL adapter)
{
	u32 status = er32(&adapter->hw, E1000_STATUS);

	switch (status & E1000_STATUS_SPEED_MASK) {
	case E1000_STATUS_SPEED_10:
		adapter->link_speed = SPEED_10;
		break;
	case E1000_STATUS_SPEED_100:
		adapter->link_speed = SPEED_100;
		break;
	default:
		adapter->link_speed = SPEED_1000;
		break;
	}
	adapter->link_duplex = (status & E1000_STATUS_FD) ? DUPLEX_FULL : DUPLEX_HALF;
}

static const char * NTS e1000_duplex_name(u16 duplex)
{
	return duplex == DUPLEX_FULL ? "Full" : "Half";
}

/* Follow STATUS.LU with the carrier. */
static void e1000_check_link(struct e1000_adapter * NONNULL adapter)
{
	struct net_device *netdev = adapter->netdev;
	bool link_up = er32(&adapter->hw, E1000_STATUS) & E1000_STATUS_LU;

	if (link_up && !netif_carrier_ok(netdev)) {
		e1000_get_speed_and_duplex(adapter);
		netif_info(adapter, link, netdev,
			   "NIC Link is Up %d Mbps %s Duplex\n",
			   adapter->link_speed,
			   e1000_duplex_name(adapter->link_duplex));
		netif_carrier_on(netdev);
		netif_wake_queue(netdev);
	} else if (!link_up && netif_carrier_ok(netdev)) {
		adapter->link_speed = 0;
		adapter->link_duplex = 0;
		netif_info(adapter, link, netdev, "NIC Link is Down\n");
		netif_carrier_off(netdev);
	}
}

static void e1000_link_task(struct work_struct *work)
{
	struct e1000_adapter *adapter =
		container_of(work, struct e1000_adapter, link_task);

	if (test_bit(__E1000_DOWN, &adapter->flags))
		return;
	e1000_check_link(adapter);
	e1000_update_stats(adapter);
}

/*
 * Every two seconds: catch a link change whose interrupt never came, fold
 * the counters, and raise an interrupt so that descriptors completed under a
 * lost interrupt are still cleaned.
 */
static void e1000_watchdog(struct work_struct *work)
{
	struct e1000_adapter *adapter = container_of(to_delayed_work(work),
						     struct e1000_adapter,
						     watchdog_task);

	if (test_bit(__E1000_DOWN, &adapter->flags))
		return;
	e1000_check_link(adapter);
	e1000_update_stats(adapter);
	ew32(&adapter->hw, E1000_ICS, E1000_ICR_RXDMT0);
	schedule_delayed_work(&adapter->watchdog_task, E1000_WATCHDOG_INTERVAL);
}

/* ------------------------------------------------------------------ */
/* Configuration, up and down                                          */
/* ------------------------------------------------------------------ */

static void e1000_configure_tx(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	struct e1000_tx_ring *tx_ring = &adapter->tx_ring;
	u64 tdba = tx_ring->dma;
	u32 tctl;

	ew32(hw, E1000_TDBAL, (u32)(tdba & 0xFFFFFFFFULL));
	ew32(hw, E1000_TDBAH, (u32)(tdba >> 32));
	ew32(hw, E1000_TDLEN, tx_ring->count * sizeof(struct e1000_tx_desc));
	ew32(hw, E1000_TDH, 0);
	ew32(hw, E1000_TDT, 0);
	ew32(hw, E1000_TIPG, E1000_TIPG_IPGT_COPPER |
	     (E1000_TIPG_IPGR1 << E1000_TIPG_IPGR1_SHIFT) |
	     (E1000_TIPG_IPGR2 << E1000_TIPG_IPGR2_SHIFT));
	ew32(hw, E1000_TIDV, 0);

	tctl = E1000_TCTL_EN | E1000_TCTL_PSP |
	       (E1000_COLLISION_THRESHOLD << E1000_TCTL_CT_SHIFT) |
	       (E1000_COLLISION_DISTANCE_FD << E1000_TCTL_COLD_SHIFT);
	ew32(hw, E1000_TCTL, tctl);
	e1000_write_flush(hw);
}

static u32 e1000_rctl_bsize(unsigned int rx_buffer_len)
{
	switch (rx_buffer_len) {
	case E1000_RXBUFFER_4096:
		return E1000_RCTL_SZ_4096 | E1000_RCTL_BSEX;
	case E1000_RXBUFFER_8192:
		return E1000_RCTL_SZ_8192 | E1000_RCTL_BSEX;
	case E1000_RXBUFFER_16384:
		return E1000_RCTL_SZ_16384 | E1000_RCTL_BSEX;
	default:
		return E1000_RCTL_SZ_2048;
	}
}

/* Program the RX ring; the receiver is enabled by e1000_enable_rx(). */
static void e1000_configure_rx(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	struct e1000_rx_ring *rx_ring = &adapter->rx_ring;
	u64 rdba = rx_ring->dma;

	ew32(hw, E1000_RCTL, 0);
	ew32(hw, E1000_RDTR, 0);
	ew32(hw, E1000_RDBAL, (u32)(rdba & 0xFFFFFFFFULL));
	ew32(hw, E1000_RDBAH, (u32)(rdba >> 32));
	ew32(hw, E1000_RDLEN, rx_ring->count * sizeof(struct e1000_rx_desc));
	ew32(hw, E1000_RDH, 0);
	ew32(hw, E1000_RDT, 0);
	e1000_write_flush(hw);
}

static void e1000_enable_rx(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	u32 rctl = er32(hw, E1000_RCTL);

	/* Keep the filter bits e1000_set_rx_mode() chose. */
	rctl &= E1000_RCTL_UPE | E1000_RCTL_MPE;
	rctl |= E1000_RCTL_EN | E1000_RCTL_BAM | E1000_RCTL_SECRC |
		E1000_RCTL_RDMTS_HALF | E1000_RCTL_MO_0 |
		e1000_rctl_bsize(adapter->rx_buffer_len);
	/* Without LPE the MAC drops every frame longer than 1522 bytes. */
	if (adapter->netdev->mtu > ETH_DATA_LEN)
		rctl |= E1000_RCTL_LPE;
	ew32(hw, E1000_RCTL, rctl);
	e1000_write_flush(hw);
}

static void e1000_set_rx_mode(struct net_device *netdev);

int e1000_up(struct e1000_adapter * NONNULL adapter)
{
	struct net_device *netdev = adapter->netdev;

	e1000_configure_tx(adapter);
	e1000_configure_rx(adapter);
	e1000_set_rx_mode(netdev);
	e1000_alloc_rx_buffers(adapter, &adapter->rx_ring,
			       e1000_rx_desc_unused(&adapter->rx_ring));

	clear_bit(__E1000_DOWN, &adapter->flags);
	napi_enable(&adapter->napi);
	/*
	 * The watchdog runs as soon as the caller is done and then every two
	 * seconds (Linux's e1000 starts it from the link interrupt, one jiffy
	 * after up); e1000_down() cancels it, queued or armed.
	 */
	schedule_delayed_work(&adapter->watchdog_task, 0);
	e1000_enable_rx(adapter);
	e1000_irq_enable(adapter);
	netif_wake_queue(netdev);

	/* Raise LSC so the link task looks at the current link state. */
	ew32(&adapter->hw, E1000_ICS, E1000_ICR_LSC);
	return 0;
}

/* Wait (bounded) for the device to send what is queued on the TX ring. */
static void e1000_drain_tx(struct e1000_adapter * NONNULL adapter)
{
	struct e1000_hw *hw = &adapter->hw;
	int tries;

	/* Without link the device sends nothing; do not wait for it. */
	if (!(er32(hw, E1000_STATUS) & E1000_STATUS_LU))
		return;
	for (tries = 0; tries < E1000_TX_DRAIN_TRIES; tries++) {
		if (er32(hw, E1000_TDH) == er32(hw, E1000_TDT))
			break;
		msleep(E1000_TX_DRAIN_POLL_MS);
	}
}

/*
 * Stop traffic without losing what is already in the rings: frames queued
 * for transmission are given time to leave, frames already received are
 * delivered.  The MAC itself is not reset.
 */
void e1000_down(struct e1000_adapter * NONNULL adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct e1000_hw *hw = &adapter->hw;

	set_bit(__E1000_DOWN, &adapter->flags);
	netif_carrier_off(netdev);
	netif_tx_disable(netdev);

	/* Receive nothing new; frames already in memory stay valid. */
	ew32(hw, E1000_RCTL, er32(hw, E1000_RCTL) & ~E1000_RCTL_EN);
	e1000_write_flush(hw);
	e1000_drain_tx(adapter);
	ew32(hw, E1000_TCTL, er32(hw, E1000_TCTL) & ~E1000_TCTL_EN);
	e1000_write_flush(hw);
	usleep_range(10000, 20000);

	e1000_irq_disable(adapter);
	napi_disable(&adapter->napi);
	cancel_work_sync(&adapter->link_task);
	cancel_delayed_work_sync(&adapter->watchdog_task);

	e1000_clean_tx_irq(adapter, &adapter->tx_ring, 0);
	e1000_clean_rx_irq(adapter, &adapter->rx_ring,
			   (int)adapter->rx_ring.count, false);
	e1000_update_stats(adapter);

	e1000_clean_tx_ring(adapter, &adapter->tx_ring);
	e1000_clean_rx_ring(adapter, &adapter->rx_ring);
	adapter->link_speed = 0;
	adapter->link_duplex = 0;
}

/* Full recovery: stop, reset the MAC, program it again, restart. */
void e1000_reinit_locked(struct e1000_adapter * NONNULL adapter)
{
	while (test_and_set_bit(__E1000_RESETTING, &adapter->flags))
		msleep(1);
	e1000_down(adapter);
	if (!e1000_reset_hw(adapter)) {
		e1000_init_hw(adapter);
		e1000_up(adapter);
	}
	clear_bit(__E1000_RESETTING, &adapter->flags);
}

static int e1000_request_irq(struct e1000_adapter * NONNULL adapter)
{
	struct net_device *netdev = adapter->netdev;
	int err;

	err = request_irq(adapter->pdev->irq, e1000_intr, IRQF_SHARED,
			  netdev->name, netdev);
	if (err)
		netdev_err(netdev, "Unable to allocate interrupt Error: %d\n", err);
	return err;
}

static int e1000_open(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err;

	if (test_bit(__E1000_TESTING, &adapter->flags))
		return -EBUSY;

	netif_carrier_off(netdev);

	err = e1000_setup_all_tx_resources(adapter, &adapter->tx_ring,
					   adapter->tx_ring_count);
	if (err)
		goto err_setup_tx;
	err = e1000_setup_all_rx_resources(adapter, &adapter->rx_ring,
					   adapter->rx_ring_count);
	if (err)
		goto err_setup_rx;

	err = e1000_request_irq(adapter);
	if (err)
		goto err_req_irq;

	err = e1000_up(adapter);
	if (err)
		goto err_up;
	return 0;

err_up:
	free_irq(adapter->pdev->irq, netdev);
err_req_irq:
	e1000_free_all_rx_resources(adapter, &adapter->rx_ring);
err_setup_rx:
	e1000_free_all_tx_resources(adapter, &adapter->tx_ring);
err_setup_tx:
	return err;
}

static int e1000_close(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	while (test_and_set_bit(__E1000_RESETTING, &adapter->flags))
		msleep(1);
	e1000_down(adapter);
	free_irq(adapter->pdev->irq, netdev);
	e1000_free_all_tx_resources(adapter, &adapter->tx_ring);
	e1000_free_all_rx_resources(adapter, &adapter->rx_ring);
	clear_bit(__E1000_RESETTING, &adapter->flags);
	return 0;
}

/* ------------------------------------------------------------------ */
/* MTU, MAC address, RX filter, ioctl                                  */
/* ------------------------------------------------------------------ */

static unsigned int e1000_rx_buffer_len_for(unsigned int max_frame)
{
	if (max_frame <= E1000_RXBUFFER_2048)
		return E1000_RXBUFFER_2048;
	if (max_frame <= E1000_RXBUFFER_4096)
		return E1000_RXBUFFER_4096;
	if (max_frame <= E1000_RXBUFFER_8192)
		return E1000_RXBUFFER_8192;
	return E1000_RXBUFFER_16384;
}

static int e1000_change_mtu(struct net_device *netdev, int new_mtu)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	unsigned int max_frame = (unsigned int)new_mtu + ETH_HLEN + ETH_FCS_LEN;

	if (new_mtu < ETH_MIN_MTU || max_frame > E1000_MAX_JUMBO_FRAME_SIZE)
		return -EINVAL;

	mutex_lock(&adapter->config_mutex);
	while (test_and_set_bit(__E1000_RESETTING, &adapter->flags))
		msleep(1);

	netif_info(adapter, probe, netdev, "changing MTU from %d to %d\n",
		   netdev->mtu, new_mtu);
	if (netif_running(netdev))
		e1000_down(adapter);
	/* VLAN-tagged frames carry four more bytes. */
	adapter->rx_buffer_len = e1000_rx_buffer_len_for(max_frame + VLAN_HLEN);
	netdev->mtu = (unsigned int)new_mtu;
	if (netif_running(netdev))
		e1000_up(adapter);

	clear_bit(__E1000_RESETTING, &adapter->flags);
	mutex_unlock(&adapter->config_mutex);
	return 0;
}

static int e1000_set_mac(struct net_device *netdev, void *p)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	const struct sockaddr *addr = p;
	const u8 *mac = (const u8 *)addr->sa_data;

	if (!is_valid_ether_addr(mac))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(netdev, mac);
	memcpy(adapter->hw.mac_addr, mac, ETH_ALEN);
	e1000_rar_set(&adapter->hw, adapter->hw.mac_addr);
	return 0;
}

/* MTA hash for RCTL.MO = 00: bits 47:36 of the destination address. */
static u32 e1000_hash_mc_addr(const u8 * COUNT(ETH_ALEN) mc_addr)
{
	return (((u32)mc_addr[4] >> 4) | ((u32)mc_addr[5] << 4)) & 0xFFF;
}

static void e1000_set_rx_mode(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_hw *hw = &adapter->hw;
	u32 mta[E1000_MTA_ENTRIES];
	struct netdev_hw_addr *ha;
	u32 rctl, hash;
	u32 i;

	rctl = er32(hw, E1000_RCTL);
	rctl &= ~(E1000_RCTL_UPE | E1000_RCTL_MPE);
	if (netdev->flags & IFF_PROMISC)
		rctl |= E1000_RCTL_UPE | E1000_RCTL_MPE;
	else if (netdev->flags & IFF_ALLMULTI)
		rctl |= E1000_RCTL_MPE;
	ew32(hw, E1000_RCTL, rctl);

	memset(mta, 0, sizeof(mta));
	netdev_for_each_mc_addr(ha, netdev) {
		hash = e1000_hash_mc_addr(ha->addr);
		mta[(hash >> 5) & (E1000_MTA_ENTRIES - 1)] |= BIT(hash & 0x1F);
	}
	for (i = 0; i < E1000_MTA_ENTRIES; i++)
		ew32(hw, E1000_MTA + (i << 2), mta[i]);
	e1000_write_flush(hw);
}

static int e1000_mii_ioctl(struct net_device * NONNULL netdev,
			   struct ifreq * NONNULL ifr, int cmd)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct mii_ioctl_data *data = if_mii(ifr);
	u16 value;
	int err;

	switch (cmd) {
	case SIOCGMIIPHY:
		data->phy_id = E1000_PHY_ADDR;
		return 0;
	case SIOCGMIIREG:
		if (data->phy_id != E1000_PHY_ADDR)
			return -EINVAL;
		err = e1000_read_phy_reg(adapter, data->reg_num & 0x1F, &value);
		if (err)
			return err;
		data->val_out = value;
		return 0;
	case SIOCSMIIREG:
		if (data->phy_id != E1000_PHY_ADDR)
			return -EINVAL;
		return e1000_write_phy_reg(adapter, data->reg_num & 0x1F,
					   data->val_in);
	default:
		return -EOPNOTSUPP;
	}
}

static int e1000_ioctl(struct net_device *netdev, struct ifreq *ifr, int cmd)
{
	switch (cmd) {
	case SIOCGMIIPHY:
	case SIOCGMIIREG:
	case SIOCSMIIREG:
		return e1000_mii_ioctl(netdev, ifr, cmd);
	default:
		return -EOPNOTSUPP;
	}
}

static const struct net_device_ops e1000_netdev_ops = {
	.ndo_open		= e1000_open,
	.ndo_stop		= e1000_close,
	.ndo_start_xmit		= e1000_xmit_frame,
	.ndo_set_rx_mode	= e1000_set_rx_mode,
	.ndo_set_mac_address	= e1000_set_mac,
	.ndo_tx_timeout		= e1000_tx_timeout,
	.ndo_change_mtu		= e1000_change_mtu,
	.ndo_eth_ioctl		= e1000_ioctl,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_get_stats64	= e1000_get_stats64,
};

/* ------------------------------------------------------------------ */
/* PCI probe / remove, power management, module                        */
/* ------------------------------------------------------------------ */

static void e1000_sw_init(struct e1000_adapter * NONNULL adapter)
{
	struct net_device *netdev = adapter->netdev;

	adapter->tx_ring_count = E1000_DEFAULT_TXD;
	adapter->rx_ring_count = E1000_DEFAULT_RXD;
	adapter->rx_buffer_len =
		e1000_rx_buffer_len_for(netdev->mtu + ETH_HLEN + ETH_FCS_LEN + VLAN_HLEN);
	mutex_init(&adapter->config_mutex);
	spin_lock_init(&adapter->stats_lock);
	INIT_WORK(&adapter->reset_task, e1000_reset_task);
	INIT_WORK(&adapter->link_task, e1000_link_task);
	INIT_DELAYED_WORK(&adapter->watchdog_task, e1000_watchdog);
	set_bit(__E1000_DOWN, &adapter->flags);
}

static int e1000_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct e1000_adapter *adapter;
	struct net_device *netdev;
	int err;

	(void)ent;
	err = pci_enable_device(pdev);
	if (err)
		return err;

	err = pci_request_regions(pdev, e1000_driver_name);
	if (err)
		goto err_pci_reg;

	pci_set_master(pdev);
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (err) {
		dev_err(&pdev->dev, "No usable DMA configuration, aborting\n");
		goto err_dma;
	}

	err = -ENOMEM;
	netdev = alloc_etherdev(sizeof(struct e1000_adapter));
	if (!netdev)
		goto err_alloc_etherdev;

	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	adapter->msg_enable = netif_msg_init(debug, DEFAULT_MSG_ENABLE);
	adapter->hw.device_id = pdev->device;
	adapter->hw.revision_id = pdev->revision;

	err = -EIO;
	adapter->hw.hw_addr = pci_ioremap_bar(pdev, 0);
	if (!adapter->hw.hw_addr)
		goto err_ioremap;

	netdev->netdev_ops = &e1000_netdev_ops;
	e1000_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	netif_napi_add(netdev, &adapter->napi, e1000_clean);
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = E1000_MAX_JUMBO_FRAME_SIZE - (ETH_HLEN + ETH_FCS_LEN);

	e1000_sw_init(adapter);

	err = e1000_reset_hw(adapter);
	if (err)
		goto err_reset;
	err = e1000_validate_eeprom_checksum(adapter);
	if (err)
		goto err_eeprom;
	err = e1000_read_mac_addr(adapter);
	if (err)
		goto err_eeprom;
	eth_hw_addr_set(netdev, adapter->hw.mac_addr);

	/* Start auto-negotiation now; it takes about half a second. */
	e1000_init_hw(adapter);

	netif_carrier_off(netdev);
	netif_stop_queue(netdev);

	err = register_netdev(netdev);
	if (err)
		goto err_register;

	netif_info(adapter, probe, netdev,
		   "Intel(R) PRO/1000 Network Connection %pM\n", netdev->dev_addr);
	return 0;

err_register:
err_eeprom:
	e1000_reset_hw(adapter);
err_reset:
	netif_napi_del(&adapter->napi);
	iounmap(adapter->hw.hw_addr);
err_ioremap:
	free_netdev(netdev);
err_alloc_etherdev:
err_dma:
	pci_release_regions(pdev);
err_pci_reg:
	pci_disable_device(pdev);
	return err;
}

static void e1000_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct e1000_adapter *adapter = netdev_priv(netdev);

	unregister_netdev(netdev);
	cancel_work_sync(&adapter->reset_task);
	cancel_work_sync(&adapter->link_task);
	cancel_delayed_work_sync(&adapter->watchdog_task);
	e1000_reset_hw(adapter);
	netif_napi_del(&adapter->napi);
	iounmap(adapter->hw.hw_addr);
	mutex_destroy(&adapter->config_mutex);
	free_netdev(netdev);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static int e1000_suspend(struct device *dev)
{
	struct net_device *netdev = dev_get_drvdata(dev);
	struct e1000_adapter *adapter = netdev_priv(netdev);

	rtnl_lock();
	e1000_update_stats(adapter);
	netif_device_detach(netdev);
	if (netif_running(netdev)) {
		while (test_and_set_bit(__E1000_RESETTING, &adapter->flags))
			msleep(1);
		e1000_down(adapter);
		clear_bit(__E1000_RESETTING, &adapter->flags);
	}
	rtnl_unlock();
	cancel_work_sync(&adapter->reset_task);
	e1000_reset_hw(adapter);
	return 0;
}

static int e1000_resume(struct device *dev)
{
	struct net_device *netdev = dev_get_drvdata(dev);
	struct e1000_adapter *adapter = netdev_priv(netdev);
	int err;

	err = e1000_reset_hw(adapter);
	if (err)
		return err;
	e1000_init_hw(adapter);

	rtnl_lock();
	if (netif_running(netdev))
		err = e1000_up(adapter);
	if (!err)
		netif_device_attach(netdev);
	rtnl_unlock();
	return err;
}

static DEFINE_SIMPLE_DEV_PM_OPS(e1000_pm_ops, e1000_suspend, e1000_resume);

static struct pci_driver e1000_driver = {
	.name		= e1000_driver_name,
	.id_table	= e1000_pci_tbl,
	.probe		= e1000_probe,
	.remove		= e1000_remove,
	.driver.pm	= pm_sleep_ptr(&e1000_pm_ops),
};

static int __init e1000_init_module(void)
{
	pr_info("%s\n", e1000_driver_string);
	return pci_register_driver(&e1000_driver);
}
module_init(e1000_init_module);

static void __exit e1000_exit_module(void)
{
	pci_unregister_driver(&e1000_driver);
}
module_exit(e1000_exit_module);

MODULE_AUTHOR("fgftc project");
MODULE_DESCRIPTION("Intel(R) PRO/1000 Network Driver (fgftc example)");
MODULE_LICENSE("GPL");
