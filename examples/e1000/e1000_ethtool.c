// SPDX-License-Identifier: GPL-2.0
/*
 * e1000_ethtool.c - ethtool support for the fgftc example e1000 driver.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/string.h>
#include <linux/delay.h>
#include <fgft.h>
#ifdef CONFIG_KRECOVER
#include <linux/krecover.h>
#endif

#include "e1000.h"

/* SafeDrive's e1000 fails on purpose at this message level. */
#define E1000_MSGLEVEL_TRIGGER_FAULT	1000

static void e1000_get_drvinfo(struct net_device *netdev,
			      struct ethtool_drvinfo *drvinfo)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	strscpy(drvinfo->driver, E1000_DRV_NAME, sizeof(drvinfo->driver));
	strscpy(drvinfo->version, E1000_DRV_VERSION, sizeof(drvinfo->version));
	strscpy(drvinfo->bus_info, pci_name(adapter->pdev),
		sizeof(drvinfo->bus_info));
}

static u32 e1000_get_msglevel(struct net_device *netdev)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	return adapter->msg_enable;
}

static void e1000_set_msglevel(struct net_device *netdev, u32 data)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	mutex_lock(&adapter->config_mutex);
#ifdef CONFIG_KRECOVER
	/* Reached with the configuration mutex held: recovery must release it. */
	if (data == E1000_MSGLEVEL_TRIGGER_FAULT)
		kr_trigger_fault();
#endif
	adapter->msg_enable = data;
	mutex_unlock(&adapter->config_mutex);
}

static int e1000_get_regs_len(struct net_device *netdev)
{
	(void)netdev;
	return E1000_REGS_LEN * sizeof(u32);
}

/* Registers safe to read at any time: none of them is read-to-clear. */
static const u32 e1000_dump_regs[E1000_REGS_LEN] = {
	E1000_CTRL, E1000_STATUS, E1000_EECD, E1000_CTRL_EXT,
	E1000_ITR, E1000_IMS, E1000_RCTL, E1000_RDBAL,
	E1000_RDBAH, E1000_RDLEN, E1000_RDH, E1000_RDT,
	E1000_RDTR, E1000_TCTL, E1000_TIPG, E1000_TDBAL,
	E1000_TDBAH, E1000_TDLEN, E1000_TDH, E1000_TDT,
	E1000_TIDV, E1000_RAL0, E1000_RAH0, E1000_MDIC,
};

/* The ethtool core hands in a buffer of e1000_get_regs_len() bytes. */
static void e1000_get_regs(struct net_device *netdev,
			   struct ethtool_regs *regs,
			   void * SIZE(E1000_REGS_LEN * sizeof(u32)) p)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	u32 * COUNT(E1000_REGS_LEN) regs_buff = p;
	unsigned int i;

	memset(p, 0, E1000_REGS_LEN * sizeof(u32));
	regs->version = (1U << 24) | ((u32)adapter->hw.revision_id << 16) |
			adapter->hw.device_id;
	for (i = 0; i < E1000_REGS_LEN; i++)
		regs_buff[i] = er32(&adapter->hw, e1000_dump_regs[i]);
}

static void e1000_get_ringparam(struct net_device *netdev,
				struct ethtool_ringparam *ring,
				struct kernel_ethtool_ringparam *kernel_ring,
				struct netlink_ext_ack *extack)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);

	(void)kernel_ring;
	(void)extack;
	ring->rx_max_pending = E1000_MAX_RXD;
	ring->tx_max_pending = E1000_MAX_TXD;
	ring->rx_pending = adapter->rx_ring_count;
	ring->tx_pending = adapter->tx_ring_count;
}

static unsigned int e1000_ring_count(u32 requested, unsigned int min,
				     unsigned int max)
{
	unsigned int count = clamp_t(unsigned int, requested, min, max);

	return ALIGN(count, E1000_RING_ALIGN_DESC);
}

/*
 * Allocate rings of the new sizes before touching the running ones, so that
 * a failed allocation leaves the interface as it was.
 */
static int e1000_set_ringparam(struct net_device *netdev,
			       struct ethtool_ringparam *ring,
			       struct kernel_ethtool_ringparam *kernel_ring,
			       struct netlink_ext_ack *extack)
{
	struct e1000_adapter *adapter = netdev_priv(netdev);
	struct e1000_tx_ring tx_new = { 0 };
	struct e1000_rx_ring rx_new = { 0 };
	unsigned int tx_count, rx_count;
	int err;

	(void)kernel_ring;
	(void)extack;
	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;

	tx_count = e1000_ring_count(ring->tx_pending, E1000_MIN_TXD, E1000_MAX_TXD);
	rx_count = e1000_ring_count(ring->rx_pending, E1000_MIN_RXD, E1000_MAX_RXD);

	err = 0;
	mutex_lock(&adapter->config_mutex);
	if (tx_count == adapter->tx_ring_count &&
	    rx_count == adapter->rx_ring_count)
		goto out_unlock;

	while (test_and_set_bit(__E1000_RESETTING, &adapter->flags))
		msleep(1);

	if (!netif_running(netdev))
		goto out_set_counts;

	err = e1000_setup_all_tx_resources(adapter, &tx_new, tx_count);
	if (err)
		goto out;
	err = e1000_setup_all_rx_resources(adapter, &rx_new, rx_count);
	if (err)
		goto err_setup_rx;

	e1000_down(adapter);
	e1000_free_all_tx_resources(adapter, &adapter->tx_ring);
	e1000_free_all_rx_resources(adapter, &adapter->rx_ring);
	adapter->tx_ring = tx_new;
	adapter->rx_ring = rx_new;
	err = e1000_up(adapter);
out_set_counts:
	adapter->tx_ring_count = tx_count;
	adapter->rx_ring_count = rx_count;
	goto out;

err_setup_rx:
	e1000_free_all_tx_resources(adapter, &tx_new);
out:
	clear_bit(__E1000_RESETTING, &adapter->flags);
out_unlock:
	mutex_unlock(&adapter->config_mutex);
	return err;
}

static const struct ethtool_ops e1000_ethtool_ops = {
	.get_drvinfo		= e1000_get_drvinfo,
	.get_regs_len		= e1000_get_regs_len,
	.get_regs		= e1000_get_regs,
	.get_msglevel		= e1000_get_msglevel,
	.set_msglevel		= e1000_set_msglevel,
	.get_link		= ethtool_op_get_link,
	.get_ringparam		= e1000_get_ringparam,
	.set_ringparam		= e1000_set_ringparam,
};

void e1000_set_ethtool_ops(struct net_device * NONNULL netdev)
{
	netdev->ethtool_ops = &e1000_ethtool_ops;
}
