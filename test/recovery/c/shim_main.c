/*
 * krecover on the simulated machine: shim_drv.c (through fgftc with stubs)
 * is loaded on a plugged PCI function, opened and given frames; then it is
 * made to fail in one way (argv[2]) under one policy (argv[1]).  Prints
 * `key=value` lines for test/recovery/machine.test.ts: outstanding resources
 * per type before, after recovery and at the end, and where every frame went.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/ethtool.h>
#include <fgft/sim.h>
#include <fgft/track.h>
#include <linux/krecover.h>
#include "../../../runtime-c/checks/fgft_check.h"

#define FRAMES 6

static unsigned long sent, dropped, busy;

static u32 td_read32(void *ctx, u32 offset)
{
	(void)ctx;
	(void)offset;
	return 0;
}

static void td_write32(void *ctx, u32 offset, u32 value)
{
	(void)ctx;
	(void)offset;
	(void)value;
}

static const struct fgft_mmio_ops td_mmio = { .read32 = td_read32, .write32 = td_write32 };

static const struct fgft_pci_desc td_desc = {
	.vendor = 0x1af4,
	.device = 0x7777,
	.class = 0x020000,
	.bar0_len = 0x1000,
	.mmio = &td_mmio,
};

static void on_tx_free(struct sk_buff *skb, void *arg)
{
	(void)skb;
	(void)arg;
	sent++;
}

static void on_drop(struct sk_buff *skb, void *arg)
{
	(void)arg;
	if (skb->fgft_id)
		dropped++;
}

/* Frames the application hands to the device; BUSY ones stay the application's (freed here). */
static void send_frames(u64 first, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct net_device *dev = fgft_netdev_get(0);
		struct sk_buff *skb = alloc_skb(64, GFP_ATOMIC);

		skb_put(skb, 60);
		skb->fgft_id = first + (u64)i;
		if (!dev || fgft_netdev_xmit(dev, skb) != NETDEV_TX_OK) {
			busy++;
			skb->fgft_id = 0;
			kfree_skb(skb);
		}
	}
}

static void print_counts(const char *when)
{
	int t;

	for (t = 0; t < FGFT_RES_TYPE_COUNT; t++)
		printf("%s.%s=%lu\n", when, fgft_res_type_name((enum fgft_res_type)t),
		       fgft_track_count(NULL, (enum fgft_res_type)t));
	printf("%s.total=%lu\n", when, fgft_track_count(NULL, FGFT_RES_ANY));
}

/* Kernel-API misuse the shim saw, the driver's and the recovery's alike. */
static unsigned long violations(void)
{
	unsigned long n = 0;
	int k;

	for (k = 0; k < FGFT_V_KIND_COUNT; k++)
		n += fgft_violation_count((enum fgft_violation)k);
	return n;
}

unsigned long long wall_clock_ns(void); /* wall_clock.c */

/* For bench/recovery-stubs.ts: wall time per frame through fgft_netdev_xmit, best of `rounds`. */
static int hotpath(long frames, int rounds)
{
	struct net_device *dev;
	double best = 1e30;
	int r;

	if (fgft_module_load())
		return 1;
	dev = fgft_netdev_get(0);
	if (!dev || fgft_netdev_open(dev))
		return 1;
	for (r = 0; r < rounds; r++) {
		unsigned long long t0 = wall_clock_ns();
		double per;

		send_frames(1, (int)frames);
		per = (double)(wall_clock_ns() - t0) / (double)frames;
		if (per < best)
			best = per;
	}
	printf("xmit_ns=%.2f\n", best);
	return busy != 0;
}

int main(int argc, char **argv)
{
	char cmd[64], buf[2048];
	struct net_device *dev;
	int how;

	if (argc == 4 && strcmp(argv[1], "hotpath") == 0) {
		fgft_log_set_quiet(1);
		fgft_pci_plug(&td_desc);
		kr_machine_attach();
		kr_control_write("r 1", NULL);
		return hotpath(atol(argv[2]), atoi(argv[3]));
	}
	if (argc != 3)
		return 2;
	how = atoi(argv[2]);
	setvbuf(stdout, NULL, _IONBF, 0);
	fgft_log_set_quiet(1);
	fgft_check_set_default_mode(FGFT_FAIL_RECOVER);
	fgft_pci_plug(&td_desc);
	kr_machine_attach();
	fgft_set_tx_free_hook(on_tx_free, NULL);
	kr_set_skb_drop_hook(on_drop, NULL);
	snprintf(cmd, sizeof(cmd), "r 1; p %s; w 200 0", argv[1]);
	if (kr_control_write(cmd, NULL))
		return 2;

	printf("load=%d\n", fgft_module_load());
	dev = fgft_netdev_get(0);
	printf("open=%d\n", dev ? fgft_netdev_open(dev) : -1);
	/* Configuration a restart must bring back (the failing 1000 + how below must not be). */
	fgft_ethtool_set_msglevel(dev, 7);
	fgft_ethtool_set_ringparam(dev, 512, 128);
	fgft_netdev_change_mtu(dev, 1400);
	fgft_netdev_set_rx_mode(dev, IFF_PROMISC);
	send_frames(1, FRAMES);
	print_counts("before");

	fgft_ethtool_set_msglevel(dev, 1000 + (unsigned int)how);
	kr_poll(); /* the release (a scheduler tick would do it too) */
	print_counts("after");
	/* Ticks: a pending restart runs here, and its retries after their back-off (10 + 20 + ... ms). */
	fgft_sched_run(fgft_now_ns() + 200000000ull, NULL, NULL);
	if (kr_get_stats()->restarts)
		printf("outage_ns=%llu\n", kr_get_stats()->last_restart_time_ns - kr_get_stats()->last_failure_time_ns);
	dev = fgft_netdev_get(0);
	printf("state=%d\n", (int)kr_driver_state());
	printf("up=%d\n", dev ? (dev->flags & IFF_UP) != 0 : 0);
	if (dev) {
		struct ethtool_ringparam ring;
		u32 level = 0;

		fgft_ethtool_get_msglevel(dev, &level);
		fgft_ethtool_get_ringparam(dev, &ring);
		printf("msglevel=%u rx_ring=%u tx_ring=%u mtu=%u promisc=%d\n", level, ring.rx_pending, ring.tx_pending,
		       dev->mtu, (dev->flags & IFF_PROMISC) != 0);
	}
	send_frames(100, FRAMES);
	print_counts("restarted");

	/* Shut down cleanly: nothing may be left over. */
	dev = fgft_netdev_get(0);
	if (dev && (dev->flags & IFF_UP))
		fgft_netdev_close(dev);
	fgft_module_unload();
	print_counts("end");
	printf("given=%d sent=%lu dropped=%lu busy=%lu\n", 2 * FRAMES, sent, dropped, busy);
	printf("violations=%lu sleep-in-atomic=%lu dma-unmap-mismatches=%lu\n", violations(),
	       fgft_violation_count(FGFT_V_SLEEP_IN_ATOMIC), fgft_dma_unmap_mismatches());
	kr_control_read(buf, sizeof(buf));
	fputs(buf, stdout);
	return 0;
}
