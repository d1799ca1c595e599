// SPDX-License-Identifier: GPL-2.0
/*
 * ops_check.c - exercises the e1000 example's control paths that the
 * harness workloads do not: RX filtering (promiscuous, multicast hash),
 * MII ioctls, statistics, register dump, message level, ring parameter
 * rounding, MTU limits, suspend/resume, TX timeout recovery, close/reopen,
 * and unload without leaks.
 *
 * Linked with the driver and libfgftsim.a in place of the harness main.
 * Prints one "ok"/"FAIL" line per check; the exit status is the number of
 * failed checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/mii.h>
#include <linux/sockios.h>
#include <linux/skbuff.h>
#include <fgft/sim.h>
#include <fgft/track.h>
#include <fgft/e1000_model.h>

#define MS 1000000ULL
#define TEST_ETHERTYPE 0x88B5	/* IEEE local experimental */
#define REG_CTRL 0		/* indexes into the driver's ethtool register dump */
#define REG_STATUS 1
#define REG_RCTL 6
#define RCTL_UPE 0x08
#define RCTL_MPE 0x10
#define CTRL_SLU 0x40
#define STATUS_LU 0x02

static const u8 partner_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const u8 other_mac[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x77 };
static const u8 mdns_mac[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb };

static struct e1000_model *model;
static struct fgft_partner *partner;
static struct net_device *dev;
static unsigned long app_rx, app_rx_bytes, wire_rx;
static int failures;

static void app_sink(struct net_device *d, const u8 *data, unsigned int len, void *arg)
{
	(void)d;
	(void)data;
	(void)arg;
	app_rx++;
	app_rx_bytes += len;
}

static void partner_rx(void *arg, const u8 *frame, unsigned int len)
{
	(void)arg;
	(void)frame;
	(void)len;
	wire_rx++;
}

static void expect(int cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "FAIL", what);
	if (!cond)
		failures++;
}

static void run_for(u64 ns)
{
	fgft_sched_run(fgft_now_ns() + ns, NULL, NULL);
}

static int carrier(void *arg)
{
	(void)arg;
	return netif_carrier_ok(dev);
}

static int wait_carrier(void)
{
	return fgft_sched_run(fgft_now_ns() + 2000 * MS, carrier, NULL);
}

/* The link partner sends one frame of len bytes to dst. */
static void partner_send_to(const u8 *dst, unsigned int len)
{
	u8 frame[ETH_FRAME_LEN];

	memset(frame, 0xA5, sizeof(frame));
	memcpy(frame, dst, ETH_ALEN);
	memcpy(frame + ETH_ALEN, partner_mac, ETH_ALEN);
	frame[12] = TEST_ETHERTYPE >> 8;
	frame[13] = TEST_ETHERTYPE & 0xFF;
	fgft_partner_send(partner, frame, len);
	run_for(5 * MS);
}

/* Frames from the partner to dst that the application received. */
static unsigned long delivered_to(const u8 *dst, int frames)
{
	unsigned long before = app_rx;
	int i;

	for (i = 0; i < frames; i++)
		partner_send_to(dst, 100);
	return app_rx - before;
}

static int app_send(unsigned int len)
{
	struct sk_buff *skb = netdev_alloc_skb(dev, len);
	u8 *p;

	if (!skb)
		return -1;
	p = skb_put(skb, len);
	memset(p, 0x5A, len);
	memcpy(p, partner_mac, ETH_ALEN);
	memcpy(p + ETH_ALEN, dev->dev_addr, ETH_ALEN);
	p[12] = TEST_ETHERTYPE >> 8;
	p[13] = TEST_ETHERTYPE & 0xFF;
	return fgft_netdev_xmit(dev, skb) == NETDEV_TX_OK ? 0 : -1;
}

static int mii_read(int reg, u16 *val)
{
	struct ifreq ifr;
	struct mii_ioctl_data *mii = if_mii(&ifr);
	int err;

	memset(&ifr, 0, sizeof(ifr));
	err = fgft_netdev_ioctl(dev, &ifr, SIOCGMIIPHY);
	if (err)
		return err;
	mii->reg_num = (u16)reg;
	err = fgft_netdev_ioctl(dev, &ifr, SIOCGMIIREG);
	*val = mii->val_out;
	return err;
}

/* ethtool -d, called the way the ethtool core would, in the driver's context. */
static int dump_regs(u32 *regs, int max)
{
	struct pci_dev *pdev = fgft_bus_pci_dev(e1000_model_bus_dev(model));
	struct fgft_owner *prev = fgft_set_current_owner(fgft_owner_of_pci_dev(pdev));
	struct ethtool_regs info = { 0 };
	int len = dev->ethtool_ops->get_regs_len(dev);

	if (len > max * (int)sizeof(u32))
		len = -1;
	else
		dev->ethtool_ops->get_regs(dev, &info, regs);
	fgft_set_current_owner(prev);
	return len;
}

static void check_rx_filters(void)
{
	static struct netdev_hw_addr mdns;

	expect(delivered_to(dev->dev_addr, 3) == 3, "frames to our MAC are received");
	expect(delivered_to(other_mac, 3) == 0, "frames to another MAC are filtered");
	expect(delivered_to(mdns_mac, 3) == 0, "multicast not joined is filtered");

	memcpy(mdns.addr, mdns_mac, ETH_ALEN);
	dev->mc.head = &mdns;
	dev->mc.count = 1;
	fgft_netdev_set_rx_mode(dev, 0);
	expect(delivered_to(mdns_mac, 3) == 3, "joined multicast passes the MTA hash");

	fgft_netdev_set_rx_mode(dev, IFF_PROMISC);
	expect(delivered_to(other_mac, 3) == 3, "promiscuous mode receives other MACs");
	fgft_netdev_set_rx_mode(dev, 0);
	expect(delivered_to(other_mac, 3) == 0, "leaving promiscuous mode filters again");

	dev->mc.head = NULL;
	dev->mc.count = 0;
	fgft_netdev_set_rx_mode(dev, IFF_ALLMULTI);
	expect(delivered_to(mdns_mac, 3) == 3, "all-multicast receives any group");
	fgft_netdev_set_rx_mode(dev, 0);
	expect(delivered_to(mdns_mac, 3) == 0, "multicast list emptied: group filtered");
}

static void check_stats(void)
{
	struct rtnl_link_stats64 s0, s1;
	unsigned long wire0 = wire_rx;
	int i, sent = 0;

	fgft_netdev_get_stats64(dev, &s0);
	for (i = 0; i < 10; i++)
		sent += app_send(200) == 0;
	run_for(10 * MS);
	delivered_to(dev->dev_addr, 4);
	fgft_netdev_get_stats64(dev, &s1);
	expect(sent == 10 && wire_rx - wire0 == 10, "ten frames sent reach the partner");
	expect(s1.tx_packets - s0.tx_packets == 10 && s1.tx_bytes - s0.tx_bytes == 2000,
	       "get_stats64 counts the transmitted frames and bytes");
	expect(s1.rx_packets - s0.rx_packets == 4 && s1.rx_bytes - s0.rx_bytes == 400,
	       "get_stats64 counts the received frames and bytes");
}

static void check_mii_and_regs(void)
{
	struct ethtool_drvinfo info;
	u32 regs[64];
	u32 level = 0;
	u16 bmsr = 0;
	int len;

	expect(mii_read(MII_BMSR, &bmsr) == 0 && (bmsr & BMSR_LSTATUS),
	       "SIOCGMIIREG reads BMSR with link up");
	memset(&info, 0, sizeof(info));
	expect(fgft_ethtool_get_drvinfo(dev, &info) == 0 && strcmp(info.driver, "e1000") == 0,
	       "get_drvinfo names the driver");
	expect(fgft_ethtool_get_link(dev) == 1, "get_link reports the link");
	/* Without CONFIG_KRECOVER, SafeDrive's fault-trigger level is just a level. */
	expect(fgft_ethtool_set_msglevel(dev, 1000) == 0 && fgft_ethtool_get_msglevel(dev, &level) == 0 &&
	       level == 1000, "message level 1000 is stored (no krecover in this build)");
	fgft_ethtool_set_msglevel(dev, 7);
	len = dump_regs(regs, 64);
	expect(len == 24 * 4, "get_regs_len is 24 registers");
	expect(len > 0 && (regs[REG_CTRL] & CTRL_SLU) && (regs[REG_STATUS] & STATUS_LU),
	       "get_regs dumps CTRL.SLU and STATUS.LU");
	fgft_netdev_set_rx_mode(dev, IFF_PROMISC);
	expect(dump_regs(regs, 64) > 0 && (regs[REG_RCTL] & (RCTL_UPE | RCTL_MPE)) == (RCTL_UPE | RCTL_MPE),
	       "promiscuous mode sets RCTL.UPE and RCTL.MPE");
	fgft_netdev_set_rx_mode(dev, 0);
}

static void check_ring_and_mtu_limits(void)
{
	static const struct { u32 asked, got; } rings[] = {
		{ 50, 56 }, { 10, 48 }, { 4096, 4096 }, { 256, 256 },
	};
	struct ethtool_ringparam ring;
	char what[96];
	size_t i;

	for (i = 0; i < sizeof(rings) / sizeof(rings[0]); i++) {
		memset(&ring, 0, sizeof(ring));
		fgft_ethtool_set_ringparam(dev, rings[i].asked, rings[i].asked);
		fgft_ethtool_get_ringparam(dev, &ring);
		snprintf(what, sizeof(what), "ring size %u becomes %u", rings[i].asked, rings[i].got);
		expect(ring.rx_pending == rings[i].got && ring.tx_pending == rings[i].got &&
		       ring.rx_max_pending == 4096, what);
	}
	expect(fgft_ethtool_set_ringparam(dev, 4097, 4097) != 0, "ring size above the maximum is refused");
	expect(fgft_netdev_change_mtu(dev, 16111) != 0, "MTU above the jumbo limit is refused");
	expect(fgft_netdev_change_mtu(dev, 16110) == 0, "MTU 16110 is accepted");
	expect(fgft_netdev_change_mtu(dev, 1500) == 0 && dev->mtu == 1500, "MTU back to 1500");
	expect(wait_carrier() && delivered_to(dev->dev_addr, 2) == 2, "traffic after ring and MTU changes");
}

static void check_suspend_resume(void)
{
	expect(fgft_pci_suspend(dev) == 0 && !netif_device_present(dev), "suspend detaches the device");
	expect(delivered_to(dev->dev_addr, 2) == 0, "nothing is received while suspended");
	expect(fgft_pci_resume(dev) == 0 && netif_device_present(dev), "resume attaches the device");
	expect(wait_carrier(), "link back after resume");
	/* The partner held its two frames while the link was down. */
	expect(delivered_to(dev->dev_addr, 2) == 4, "after resume: the held frames and new ones arrive");
}

/* What the netdev watchdog does when the queue has been stopped too long. */
static void check_tx_timeout(void)
{
	struct pci_dev *pdev = fgft_bus_pci_dev(e1000_model_bus_dev(model));
	u64 resets = e1000_model_stats(model)->resets;
	unsigned long wire0;
	struct fgft_owner *prev;

	prev = fgft_set_current_owner(fgft_owner_of_pci_dev(pdev));
	dev->netdev_ops->ndo_tx_timeout(dev, 0);
	fgft_set_current_owner(prev);
	run_for(50 * MS);
	expect(e1000_model_stats(model)->resets == resets + 1, "TX timeout resets the device from the reset work item");
	expect(wait_carrier(), "link back after the reset");
	wire0 = wire_rx;
	expect(app_send(100) == 0 && delivered_to(dev->dev_addr, 2) == 2 && wire_rx == wire0 + 1,
	       "traffic both ways after the reset");
}

static void check_close_reopen(void)
{
	expect(fgft_netdev_close(dev) == 0 && !netif_carrier_ok(dev), "close drops the carrier");
	expect(fgft_netdev_open(dev) == 0 && wait_carrier(), "reopen brings the link back");
	expect(delivered_to(dev->dev_addr, 2) == 2 && app_send(100) == 0, "traffic after reopen");
}

int main(void)
{
	static const u8 mac[ETH_ALEN] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct pci_dev *pdev;

	fgft_machine_reset();
	fgft_seed(1);
	fgft_log_set_quiet(!getenv("OPS_CHECK_VERBOSE"));
	model = e1000_model_create(mac);
	partner = model ? fgft_partner_create(model, partner_rx, NULL) : NULL;
	if (!partner) {
		fprintf(stderr, "ops_check: cannot build the machine\n");
		return 1;
	}
	fgft_set_rx_sink(app_sink, NULL);
	expect(fgft_module_load() == 0 && (dev = fgft_netdev_get(0)) != NULL, "module loads and registers a netdev");
	if (!dev)
		return 1;
	expect(memcmp(dev->dev_addr, mac, ETH_ALEN) == 0, "MAC address read from the EEPROM");
	expect(fgft_netdev_open(dev) == 0 && wait_carrier(), "open brings the link up");

	check_rx_filters();
	check_stats();
	check_mii_and_regs();
	check_ring_and_mtu_limits();
	check_suspend_resume();
	check_tx_timeout();
	check_close_reopen();

	pdev = fgft_bus_pci_dev(e1000_model_bus_dev(model));
	fgft_netdev_close(dev);
	fgft_module_unload();
	expect(fgft_track_report_leaks(fgft_owner_of_pci_dev(pdev), stderr) == 0, "unload leaves nothing behind");
	fgft_partner_destroy(partner);
	e1000_model_destroy(model);
	printf("%d failed\n", failures);
	return failures;
}
