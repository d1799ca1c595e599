/*
 * A small PCI network driver for the krecover tests on the simulated machine
 * (runtime-c/shim).  Between probe, open and a few transmits it holds one of
 * every resource type the shim tracks; writing a message level of 1000 + N
 * makes it fail in way N while holding them (see td_fail).  Some ways also
 * make the probes that follow fail, so that a restart runs into them.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/jiffies.h>
#include <linux/krecover.h>
#include <fgft.h>

#define TD_VENDOR 0x1af4
#define TD_DEVICE 0x7777
#define TD_DOORBELL 0x10
#define TD_RING 4
#define TD_BUF_LEN 2048

void fgft_check_fail(int kind, const char *file, int line, long long value, long long bound);

/* Probes still to go wrong (a driver that fails again while being restarted): by failing, or with an error. */
static int td_probes_to_fault;
static int td_probes_to_refuse;

struct td_priv {
	struct net_device *netdev;
	struct pci_dev *pdev;
	void __iomem *hw;
	struct napi_struct napi;
	struct timer_list timer;
	struct work_struct work;
	spinlock_t lock;
	struct mutex mutex;
	void *ring;
	dma_addr_t ring_bus;
	void *buf;
	dma_addr_t buf_bus;
	struct sk_buff *held[TD_RING];
	unsigned int head, count;
	u32 msglevel;
	u32 rx_pending, tx_pending;
	unsigned int rx_flags;
	int *bad;
	volatile int zero;
};

static void td_timer(struct timer_list *t)
{
	struct td_priv *priv = from_timer(priv, t, timer);

	mod_timer(&priv->timer, jiffies + 10000);
}

static void td_work(struct work_struct *w)
{
	(void)w;
}

static int td_poll(struct napi_struct *napi, int budget)
{
	napi_complete_done(napi, 0);
	return budget > 0 ? 0 : 0;
}

static irqreturn_t td_intr(int irq, void *data)
{
	(void)irq;
	(void)data;
	return IRQ_NONE;
}

static int td_open(struct net_device *netdev)
{
	struct td_priv *priv = netdev_priv(netdev);
	int err;

	priv->ring = dma_alloc_coherent(&priv->pdev->dev, 4096, &priv->ring_bus, GFP_KERNEL);
	if (!priv->ring)
		return -ENOMEM;
	priv->buf = kzalloc(TD_BUF_LEN, GFP_KERNEL);
	if (!priv->buf) {
		err = -ENOMEM;
		goto err_free_ring;
	}
	priv->buf_bus = dma_map_single(&priv->pdev->dev, priv->buf, TD_BUF_LEN, DMA_FROM_DEVICE);
	if (dma_mapping_error(&priv->pdev->dev, priv->buf_bus)) {
		err = -ENOMEM;
		goto err_free_buf;
	}
	err = request_irq(priv->pdev->irq, td_intr, IRQF_SHARED, netdev->name, netdev);
	if (err)
		goto err_unmap;
	napi_enable(&priv->napi);
	mod_timer(&priv->timer, jiffies + 10000);
	netif_start_queue(netdev);
	return 0;

err_unmap:
	dma_unmap_single(&priv->pdev->dev, priv->buf_bus, TD_BUF_LEN, DMA_FROM_DEVICE);
err_free_buf:
	kfree(priv->buf);
err_free_ring:
	dma_free_coherent(&priv->pdev->dev, 4096, priv->ring, priv->ring_bus);
	return err;
}

static int td_close(struct net_device *netdev)
{
	struct td_priv *priv = netdev_priv(netdev);

	netif_stop_queue(netdev);
	del_timer_sync(&priv->timer);
	napi_disable(&priv->napi);
	free_irq(priv->pdev->irq, netdev);
	dma_unmap_single(&priv->pdev->dev, priv->buf_bus, TD_BUF_LEN, DMA_FROM_DEVICE);
	kfree(priv->buf);
	dma_free_coherent(&priv->pdev->dev, 4096, priv->ring, priv->ring_bus);
	while (priv->count) {
		dev_kfree_skb_any(priv->held[priv->head]);
		priv->head = (priv->head + 1) % TD_RING;
		priv->count--;
	}
	return 0;
}

/* Frames stay "in the ring" until TD_RING newer ones push them out (then they count as sent). */
static netdev_tx_t td_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct td_priv *priv = netdev_priv(netdev);

	if (priv->count == TD_RING) {
		dev_kfree_skb_any(priv->held[priv->head]);
		priv->head = (priv->head + 1) % TD_RING;
		priv->count--;
	}
	priv->held[(priv->head + priv->count) % TD_RING] = skb;
	priv->count++;
	writel(priv->count, priv->hw + TD_DOORBELL);
	return NETDEV_TX_OK;
}

/* Fail in way `how` while holding whatever that way needs. */
static void td_fail(struct td_priv *priv, u32 how)
{
	void *p;

	switch (how) {
	case 0:
		kr_trigger_fault();
		break;
	case 1:
		*priv->bad = 1;
		break;
	case 2:
		spin_lock(&priv->lock);
		kr_trigger_fault();
		break;
	case 3:
		mutex_lock(&priv->mutex);
		kr_trigger_fault();
		break;
	case 4:
		p = kmalloc(64, GFP_KERNEL);
		kfree(p);
		kfree(p);
		break;
	case 5:
		for (;;)
			priv->zero++;
		break;
	case 6:
		fgft_check_fail(3, "shim_drv.c", 170, 5, 4);
		break;
	case 7:
		schedule_work(&priv->work);
		priv->zero = 10 / priv->zero;
		break;
	case 8:
		spin_lock(&priv->lock);
		schedule_work(&priv->work);
		kr_trigger_fault();
		break;
	case 9:
	case 10:
		td_probes_to_fault = how == 9 ? 2 : 1000;
		kr_trigger_fault();
		break;
	case 11:
		td_probes_to_refuse = 2;
		kr_trigger_fault();
		break;
	case 12:
		/* A wild write over a frame's buffer pointer: freeing that frame faults in the kernel's code. */
		priv->held[priv->head]->head = (unsigned char *)(uintptr_t)64;
		kr_trigger_fault();
		break;
	default:
		break;
	}
}

static void td_set_msglevel(struct net_device *netdev, u32 level)
{
	struct td_priv *priv = netdev_priv(netdev);

	if (level >= 1000)
		td_fail(priv, level - 1000);
	priv->msglevel = level;
}

static u32 td_get_msglevel(struct net_device *netdev)
{
	struct td_priv *priv = netdev_priv(netdev);

	return priv->msglevel;
}

static void td_get_ringparam(struct net_device *netdev, struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kring, struct netlink_ext_ack *extack)
{
	struct td_priv *priv = netdev_priv(netdev);

	(void)kring;
	(void)extack;
	ring->rx_max_pending = 4096;
	ring->tx_max_pending = 4096;
	ring->rx_pending = priv->rx_pending;
	ring->tx_pending = priv->tx_pending;
}

static int td_set_ringparam(struct net_device *netdev, struct ethtool_ringparam *ring,
			    struct kernel_ethtool_ringparam *kring, struct netlink_ext_ack *extack)
{
	struct td_priv *priv = netdev_priv(netdev);

	(void)kring;
	(void)extack;
	priv->rx_pending = ring->rx_pending;
	priv->tx_pending = ring->tx_pending;
	return 0;
}

/* What the hardware filter would be programmed with. */
static void td_set_rx_mode(struct net_device *netdev)
{
	struct td_priv *priv = netdev_priv(netdev);

	priv->rx_flags = netdev->flags & (IFF_PROMISC | IFF_ALLMULTI);
}

static int td_change_mtu(struct net_device *netdev, int mtu)
{
	netdev->mtu = (unsigned int)mtu;
	return 0;
}

static const struct net_device_ops td_netdev_ops = {
	.ndo_open = td_open,
	.ndo_stop = td_close,
	.ndo_start_xmit = td_xmit,
	.ndo_set_rx_mode = td_set_rx_mode,
	.ndo_change_mtu = td_change_mtu,
};

static const struct ethtool_ops td_ethtool_ops = {
	.get_msglevel = td_get_msglevel,
	.set_msglevel = td_set_msglevel,
	.get_ringparam = td_get_ringparam,
	.set_ringparam = td_set_ringparam,
};

static int td_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct net_device *netdev;
	struct td_priv *priv;
	int err;

	(void)id;
	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, "td");
	if (err)
		goto err_disable;
	if (td_probes_to_fault > 0) {
		td_probes_to_fault--;
		kr_trigger_fault(); /* holding the PCI device and its regions */
	}
	if (td_probes_to_refuse > 0) {
		td_probes_to_refuse--;
		err = -EIO;
		goto err_release;
	}
	netdev = alloc_etherdev(sizeof(*priv));
	if (!netdev) {
		err = -ENOMEM;
		goto err_release;
	}
	SET_NETDEV_DEV(netdev, &pdev->dev);
	priv = netdev_priv(netdev);
	priv->netdev = netdev;
	priv->pdev = pdev;
	priv->msglevel = 1;
	priv->rx_pending = 256;
	priv->tx_pending = 256;
	priv->hw = pci_iomap(pdev, 0, 0);
	if (!priv->hw) {
		err = -EIO;
		goto err_free_netdev;
	}
	spin_lock_init(&priv->lock);
	mutex_init(&priv->mutex);
	timer_setup(&priv->timer, td_timer, 0);
	INIT_WORK(&priv->work, td_work);
	netif_napi_add(netdev, &priv->napi, td_poll);
	netdev->netdev_ops = &td_netdev_ops;
	netdev->ethtool_ops = &td_ethtool_ops;
	pci_set_drvdata(pdev, netdev);
	err = register_netdev(netdev);
	if (err)
		goto err_napi;
	return 0;

err_napi:
	netif_napi_del(&priv->napi);
	pci_iounmap(pdev, priv->hw);
err_free_netdev:
	free_netdev(netdev);
err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void td_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct td_priv *priv = netdev_priv(netdev);

	unregister_netdev(netdev);
	cancel_work_sync(&priv->work);
	netif_napi_del(&priv->napi);
	pci_iounmap(pdev, priv->hw);
	free_netdev(netdev);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id td_ids[] = {
	{ PCI_DEVICE(TD_VENDOR, TD_DEVICE) },
	{ 0 },
};

static struct pci_driver td_driver = {
	.name = "td",
	.id_table = td_ids,
	.probe = td_probe,
	.remove = td_remove,
};

static int __init td_init(void)
{
	return pci_register_driver(&td_driver);
}

static void __exit td_exit(void)
{
	pci_unregister_driver(&td_driver);
}

module_init(td_init);
module_exit(td_exit);
