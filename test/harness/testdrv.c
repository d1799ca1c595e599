/* A small 82540EM driver written against the fgft shim, used to test the device model, the isolation policy
 * and the kernel-API checks independently of examples/e1000. Misbehaviour for the tests is chosen with the
 * environment variable TESTDRV_MISBEHAVE (see misbehave_*), so one binary covers every case. */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <linux/spinlock.h>
#include <linux/io.h>
#include <stdlib.h>
#include <string.h>

#define DRV_NAME "testdrv"
#define RING 64
#define RXBUF 2048

#define REG_CTRL 0x0000
#define REG_STATUS 0x0008
#define REG_EERD 0x0014
#define REG_ICR 0x00C0
#define REG_IMS 0x00D0
#define REG_IMC 0x00D8
#define REG_RCTL 0x0100
#define REG_TCTL 0x0400
#define REG_RDBAL 0x2800
#define REG_RDBAH 0x2804
#define REG_RDLEN 0x2808
#define REG_RDH 0x2810
#define REG_RDT 0x2818
#define REG_TDBAL 0x3800
#define REG_TDBAH 0x3804
#define REG_TDLEN 0x3808
#define REG_TDH 0x3810
#define REG_TDT 0x3818

#define CTRL_SLU BIT(6)
#define CTRL_RST BIT(26)
#define STATUS_LU BIT(1)
#define EERD_START BIT(0)
#define EERD_DONE BIT(4)
#define ICR_TXDW 0x01
#define ICR_LSC 0x04
#define ICR_RXT0 0x80
#define RCTL_EN BIT(1)
#define RCTL_BAM BIT(15)
#define RCTL_SECRC BIT(26)
#define TCTL_EN BIT(1)
#define TCTL_PSP BIT(3)
#define TXD_EOP 0x01
#define TXD_IFCS 0x02
#define TXD_RS 0x08
#define DESC_DD 0x01

struct desc {
	__le64 addr;
	__le16 length;
	u8 cso_csum_lo;
	u8 cmd_csum_hi;
	u8 status;
	u8 css_errors;
	__le16 special;
};

struct buf {
	struct sk_buff *skb;
	dma_addr_t dma;
	unsigned int len;
};

struct adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	u8 __iomem *hw;
	struct napi_struct napi;
	spinlock_t lock;
	struct desc *tx, *rx;
	dma_addr_t tx_dma, rx_dma;
	struct buf txb[RING], rxb[RING];
	unsigned int tx_head, tx_tail, rx_next;
	u32 msg_enable;
	unsigned int xmits;
	void *scratch;          /* foreign-dma: a DMA buffer the other instance points its device at */
	dma_addr_t scratch_dma;
};

static struct adapter *instances[4];
static int ninstances;

static int misbehave(const char *what)
{
	const char *m = getenv("TESTDRV_MISBEHAVE");

	return m && strcmp(m, what) == 0;
}

static u32 rd(struct adapter *a, u32 reg) { return readl(a->hw + reg); }
static void wr(struct adapter *a, u32 reg, u32 v) { writel(v, a->hw + reg); }

static int read_mac(struct adapter *a, u8 *mac)
{
	int i, tries;

	for (i = 0; i < 3; i++) {
		u32 v = 0;

		wr(a, REG_EERD, ((u32)i << 8) | EERD_START);
		for (tries = 0; tries < 100; tries++) {
			v = rd(a, REG_EERD);
			if (v & EERD_DONE)
				break;
			udelay(5);
		}
		if (!(v & EERD_DONE))
			return -EIO;
		mac[2 * i] = (u8)(v >> 16);
		mac[2 * i + 1] = (u8)(v >> 24);
	}
	return 0;
}

static int hw_reset(struct adapter *a)
{
	int tries;

	wr(a, REG_IMC, 0xffffffff);
	wr(a, REG_CTRL, rd(a, REG_CTRL) | CTRL_RST);
	for (tries = 0; tries < 100 && (rd(a, REG_CTRL) & CTRL_RST); tries++)
		udelay(1);
	(void)rd(a, REG_ICR);
	return (rd(a, REG_CTRL) & CTRL_RST) ? -EIO : 0;
}

static int rx_refill_one(struct adapter *a, unsigned int i)
{
	struct sk_buff *skb = netdev_alloc_skb_ip_align(a->netdev, RXBUF);

	if (!skb)
		return -ENOMEM;
	a->rxb[i].skb = skb;
	a->rxb[i].dma = dma_map_single(&a->pdev->dev, skb->data, RXBUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(&a->pdev->dev, a->rxb[i].dma)) {
		dev_kfree_skb_any(skb);
		a->rxb[i].skb = NULL;
		return -ENOMEM;
	}
	a->rx[i].addr = cpu_to_le64(a->rxb[i].dma);
	if (misbehave("foreign-dma") && a == instances[0] && ninstances > 1 && instances[1] && instances[1]->scratch)
		a->rx[i].addr = cpu_to_le64(instances[1]->scratch_dma); /* a buffer of the other instance */
	a->rx[i].status = 0;
	return 0;
}

static void tx_clean(struct adapter *a)
{
	while (a->tx_tail != a->tx_head && (a->tx[a->tx_tail].status & DESC_DD)) {
		struct buf *b = &a->txb[a->tx_tail];

		dma_unmap_single(&a->pdev->dev, b->dma, b->len, DMA_TO_DEVICE);
		dev_kfree_skb_any(b->skb);
		b->skb = NULL;
		a->tx_tail = (a->tx_tail + 1) % RING;
	}
	if (netif_queue_stopped(a->netdev) && (a->tx_head + 1) % RING != a->tx_tail)
		netif_wake_queue(a->netdev);
}

static int rx_clean(struct adapter *a, int budget)
{
	int done = 0;

	while (done < budget && (a->rx[a->rx_next].status & DESC_DD)) {
		unsigned int i = a->rx_next;
		struct sk_buff *skb = a->rxb[i].skb;
		unsigned int len = le16_to_cpu(a->rx[i].length);

		dma_unmap_single(&a->pdev->dev, a->rxb[i].dma, RXBUF, DMA_FROM_DEVICE);
		if (a->rx[i].css_errors || !len) {
			dev_kfree_skb_any(skb);
		} else {
			skb_put(skb, len);
			skb->protocol = eth_type_trans(skb, a->netdev);
			napi_gro_receive(&a->napi, skb);
		}
		rx_refill_one(a, i);
		wr(a, REG_RDT, i);
		a->rx_next = (i + 1) % RING;
		done++;
	}
	return done;
}

static int testdrv_poll(struct napi_struct *napi, int budget)
{
	struct adapter *a = container_of(napi, struct adapter, napi);
	int done;

	tx_clean(a);
	done = rx_clean(a, budget);
	if (done < budget && napi_complete_done(napi, done))
		wr(a, REG_IMS, ICR_TXDW | ICR_RXT0 | ICR_LSC);
	return done;
}

static irqreturn_t testdrv_intr(int irq, void *data)
{
	struct adapter *a = data;
	u32 icr = rd(a, REG_ICR);

	(void)irq;
	if (!icr)
		return IRQ_NONE;
	if (misbehave("sleep-in-irq"))
		msleep(1);
	if (icr & ICR_LSC) {
		if (rd(a, REG_STATUS) & STATUS_LU)
			netif_carrier_on(a->netdev);
		else
			netif_carrier_off(a->netdev);
	}
	if (napi_schedule_prep(&a->napi)) {
		wr(a, REG_IMC, 0xffffffff);
		__napi_schedule(&a->napi);
	}
	return IRQ_HANDLED;
}

static netdev_tx_t testdrv_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct adapter *a = netdev_priv(netdev);
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&a->lock, flags);
	if ((a->tx_head + 1) % RING == a->tx_tail) {
		netif_stop_queue(netdev);
		spin_unlock_irqrestore(&a->lock, flags);
		return NETDEV_TX_BUSY;
	}
	i = a->tx_head;
	a->txb[i].skb = skb;
	a->txb[i].len = skb->len;
	a->txb[i].dma = dma_map_single(&a->pdev->dev, skb->data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(&a->pdev->dev, a->txb[i].dma)) {
		dev_kfree_skb_any(skb);
		spin_unlock_irqrestore(&a->lock, flags);
		return NETDEV_TX_OK;
	}
	a->tx[i].addr = cpu_to_le64(a->txb[i].dma);
	a->tx[i].length = cpu_to_le16((u16)skb->len);
	a->tx[i].cmd_csum_hi = TXD_EOP | TXD_IFCS | TXD_RS;
	a->tx[i].status = 0;
	a->tx_head = (i + 1) % RING;
	wmb();
	wr(a, REG_TDT, a->tx_head);
	if ((a->tx_head + 1) % RING == a->tx_tail)
		netif_stop_queue(netdev);
	spin_unlock_irqrestore(&a->lock, flags);
	if (misbehave("unlock-unlocked"))
		spin_unlock(&a->lock);
	if (misbehave("detach") && ++a->xmits == 100)
		netif_device_detach(netdev); /* the device "falls off the bus" and never comes back */
	return NETDEV_TX_OK;
}

static void free_rings(struct adapter *a)
{
	unsigned int i;

	for (i = 0; i < RING; i++) {
		if (a->rxb[i].skb) {
			dma_unmap_single(&a->pdev->dev, a->rxb[i].dma, RXBUF, DMA_FROM_DEVICE);
			dev_kfree_skb_any(a->rxb[i].skb);
			a->rxb[i].skb = NULL;
		}
		if (a->txb[i].skb) {
			dma_unmap_single(&a->pdev->dev, a->txb[i].dma, a->txb[i].len, DMA_TO_DEVICE);
			dev_kfree_skb_any(a->txb[i].skb);
			a->txb[i].skb = NULL;
		}
	}
	if (a->tx)
		dma_free_coherent(&a->pdev->dev, RING * sizeof(struct desc), a->tx, a->tx_dma);
	if (a->rx)
		dma_free_coherent(&a->pdev->dev, RING * sizeof(struct desc), a->rx, a->rx_dma);
	a->tx = a->rx = NULL;
}

static int alloc_rings(struct adapter *a)
{
	unsigned int i;

	a->tx = dma_alloc_coherent(&a->pdev->dev, RING * sizeof(struct desc), &a->tx_dma, GFP_KERNEL);
	a->rx = dma_alloc_coherent(&a->pdev->dev, RING * sizeof(struct desc), &a->rx_dma, GFP_KERNEL);
	if (!a->tx || !a->rx)
		goto err;
	for (i = 0; i < RING; i++)
		if (rx_refill_one(a, i))
			goto err;
	return 0;
err:
	free_rings(a);
	return -ENOMEM;
}

static void configure(struct adapter *a)
{
	a->tx_head = a->tx_tail = a->rx_next = 0;
	wr(a, REG_TDBAL, lower_32_bits(a->tx_dma));
	wr(a, REG_TDBAH, upper_32_bits(a->tx_dma));
	wr(a, REG_TDLEN, RING * sizeof(struct desc));
	wr(a, REG_TDH, 0);
	wr(a, REG_TDT, 0);
	wr(a, REG_TCTL, TCTL_EN | TCTL_PSP);
	wr(a, REG_RDBAL, lower_32_bits(a->rx_dma));
	wr(a, REG_RDBAH, upper_32_bits(a->rx_dma));
	wr(a, REG_RDLEN, RING * sizeof(struct desc));
	wr(a, REG_RDH, 0);
	wr(a, REG_RDT, RING - 1);
	wr(a, REG_RCTL, RCTL_EN | RCTL_BAM | RCTL_SECRC);
	wr(a, REG_CTRL, rd(a, REG_CTRL) | CTRL_SLU);
	wr(a, REG_IMS, ICR_TXDW | ICR_RXT0 | ICR_LSC);
}

static int testdrv_open(struct net_device *netdev)
{
	struct adapter *a = netdev_priv(netdev);
	unsigned int irq = a->pdev->irq;
	int err;

	if (misbehave("foreign-irq") && a == instances[0] && ninstances > 1 && instances[1])
		irq = instances[1]->pdev->irq;
	if (misbehave("foreign-mmio") && a == instances[0] && ninstances > 1 && instances[1])
		(void)readl(instances[1]->hw + REG_STATUS);
	if (misbehave("wild-mmio"))
		writel(0, (u8 __iomem *)a + 64);
	err = alloc_rings(a);
	if (err)
		return err;
	err = request_irq(irq, testdrv_intr, IRQF_SHARED, DRV_NAME, a);
	if (err)
		goto err_rings;
	netif_carrier_off(netdev);
	napi_enable(&a->napi);
	configure(a);
	netif_start_queue(netdev);
	return 0;

err_rings:
	free_rings(a);
	return err;
}

static int testdrv_stop(struct net_device *netdev)
{
	struct adapter *a = netdev_priv(netdev);

	netif_stop_queue(netdev);
	napi_disable(&a->napi);
	wr(a, REG_IMC, 0xffffffff);
	wr(a, REG_RCTL, 0);
	wr(a, REG_TCTL, 0);
	free_irq(a->pdev->irq, a);
	hw_reset(a);
	free_rings(a);
	netif_carrier_off(netdev);
	return 0;
}

static const struct net_device_ops testdrv_ops = {
	.ndo_open = testdrv_open,
	.ndo_stop = testdrv_stop,
	.ndo_start_xmit = testdrv_xmit,
	.ndo_validate_addr = eth_validate_addr,
};

static u32 testdrv_get_msglevel(struct net_device *netdev)
{
	struct adapter *a = netdev_priv(netdev);

	return a->msg_enable;
}

static void testdrv_set_msglevel(struct net_device *netdev, u32 level)
{
	struct adapter *a = netdev_priv(netdev);

	a->msg_enable = level;
}

static const struct ethtool_ops testdrv_ethtool_ops = {
	.get_msglevel = testdrv_get_msglevel,
	.set_msglevel = testdrv_set_msglevel,
	.get_link = ethtool_op_get_link,
};

static int testdrv_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct adapter *a;
	u8 mac[ETH_ALEN];
	void *scratch;
	int err;

	(void)ent;
	if (misbehave("portio"))
		outb(0x01, 0x80);
	if (misbehave("foreign-pci") && ninstances > 0 && instances[0])
		pci_set_master(instances[0]->pdev);
	err = pci_enable_device(pdev);
	if (err)
		return err;
	err = pci_request_regions(pdev, DRV_NAME);
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (err)
		goto err_regions;
	netdev = alloc_etherdev(sizeof(*a));
	err = -ENOMEM;
	if (!netdev)
		goto err_regions;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	a = netdev_priv(netdev);
	a->netdev = netdev;
	a->pdev = pdev;
	spin_lock_init(&a->lock);
	a->hw = pci_ioremap_bar(pdev, 0);
	if (!a->hw)
		goto err_netdev;
	err = hw_reset(a);
	if (!err)
		err = read_mac(a, mac);
	if (err)
		goto err_unmap;
	eth_hw_addr_set(netdev, mac);
	netdev->netdev_ops = &testdrv_ops;
	netdev->ethtool_ops = &testdrv_ethtool_ops;
	netdev->watchdog_timeo = 2 * HZ;
	netif_napi_add(netdev, &a->napi, testdrv_poll);
	if (misbehave("foreign-dma"))
		a->scratch = dma_alloc_coherent(&pdev->dev, RXBUF, &a->scratch_dma, GFP_KERNEL);
	scratch = kzalloc(64, GFP_KERNEL); /* exercised by the double-free and leak cases */
	if (misbehave("leak") || misbehave("double-free"))
		pci_set_drvdata(pdev, scratch);
	else
		kfree(scratch);
	err = register_netdev(netdev);
	if (err)
		goto err_napi;
	if (!misbehave("leak") && !misbehave("double-free"))
		pci_set_drvdata(pdev, a);
	if (ninstances < 4)
		instances[ninstances++] = a;
	return 0;

err_napi:
	netif_napi_del(&a->napi);
err_unmap:
	iounmap(a->hw);
err_netdev:
	free_netdev(netdev);
err_regions:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void testdrv_remove(struct pci_dev *pdev)
{
	struct adapter *a = NULL;
	int i;

	for (i = 0; i < ninstances; i++) {
		if (instances[i] && instances[i]->pdev == pdev) {
			a = instances[i];
			instances[i] = NULL; /* freed below with the net_device */
		}
	}
	if (!a)
		return;
	if (misbehave("double-free")) {
		void *scratch = pci_get_drvdata(pdev);

		kfree(scratch);
		kfree(scratch);
	}
	unregister_netdev(a->netdev);
	if (a->scratch)
		dma_free_coherent(&pdev->dev, RXBUF, a->scratch, a->scratch_dma);
	netif_napi_del(&a->napi);
	iounmap(a->hw);
	free_netdev(a->netdev);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id testdrv_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, 0x100E) },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, testdrv_ids);

static struct pci_driver testdrv_driver = {
	.name = DRV_NAME,
	.id_table = testdrv_ids,
	.probe = testdrv_probe,
	.remove = testdrv_remove,
};

module_pci_driver(testdrv_driver);
MODULE_LICENSE("GPL");
