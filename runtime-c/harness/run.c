/* One harness run: build the machine, load the module, bring the interface up, run the workload, take it
 * down, unload, and account for every frame and every resource. */
#include <stdlib.h>
#include <string.h>
#include <linux/errno.h>
#include <fgft/policy.h>
#include <linux/krecover.h>
#include "harness.h"

/* A recovery runtime (krecover), when one is linked in: the harness runs without one too. */
#pragma weak kr_driver_state
unsigned long kr_recoveries(void) __attribute__((weak));

#define MS 1000000ULL
#define LINK_WAIT_NS (3000 * MS)
#define SLICE_NS (10 * MS)
#define IDLE_DONE_NS (500 * MS)   /* nothing moved for this long after the last frame: what is missing is lost */
#define IDLE_STALL_NS (5000 * MS) /* nothing moved for this long mid-run: the run is stuck */
#define BRINGUP_RETRIES 3         /* an application opening the device tries this many more times ... */
#define RESTART_WAIT_NS (5000 * MS) /* ... each time waiting at most this long for a restarting driver */

struct harness *fgft_current_harness;

struct net_device *fgft_harness_netdev(void)
{
	return fgft_current_harness ? fgft_current_harness->dev : NULL;
}

struct e1000_model *fgft_harness_model(int index)
{
	struct harness *h = fgft_current_harness;

	return h && index >= 0 && index < h->nmodels ? h->models[index] : NULL;
}

int fgft_harness_add_tick_hook(fgft_tick_hook fn, void *arg)
{
	return fgft_sched_add_tick_hook(fn, arg);
}

void fgft_harness_frame_errored(const struct sk_buff *skb)
{
	struct harness *h = fgft_current_harness;

	/* every frame the application sends (send stream, requests) carries fgft_id = sequence number + 1 */
	if (h && skb && skb->fgft_id)
		frame_tracker_mark_errored(&h->tx_track, skb->fgft_id - 1);
}

int fgft_harness_set_msglevel(u32 level)
{
	struct net_device *dev = fgft_harness_netdev();

	return dev ? fgft_ethtool_set_msglevel(dev, level) : -ENODEV;
}

int fgft_harness_set_ringparam(u32 rx, u32 tx)
{
	struct net_device *dev = fgft_harness_netdev();

	return dev ? fgft_ethtool_set_ringparam(dev, rx, tx) : -ENODEV;
}

int fgft_harness_set_mtu(int mtu)
{
	struct net_device *dev = fgft_harness_netdev();

	return dev ? fgft_netdev_change_mtu(dev, mtu) : -ENODEV;
}



/* The driver's policy: the built-in one, minus the classes the command line revokes. */
static struct fgft_policy policy_table[2];

static void setup_policy(const struct fgft_harness_options *o)
{
	if (!o->denied_classes)
		return;
	policy_table[0].driver = "*";
	policy_table[0].grants = fgft_policy_for(NULL)->grants & ~o->denied_classes;
	policy_table[1].driver = NULL;
	fgft_policy_set_table(policy_table);
}

static int build_machine(struct harness *h)
{
	int i;

	for (i = 0; i < h->o->devices && i < MAX_MODELS; i++) {
		u8 mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, (u8)(0x56 + i) };

		h->models[i] = e1000_model_create(mac);
		if (!h->models[i])
			return -ENOMEM;
		h->nmodels++;
	}
	e1000_model_set_faults(h->models[0], h->o->device_faults);
	memcpy(h->partner_mac, (const u8[6]){ 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 }, 6);
	h->partner = fgft_partner_create(h->models[0], workload_partner_rx, h);
	return h->partner ? 0 : -ENOMEM;
}

static void destroy_machine(struct harness *h)
{
	int i;

	fgft_partner_destroy(h->partner);
	for (i = 0; i < h->nmodels; i++)
		e1000_model_destroy(h->models[i]);
	fgft_pci_unplug_all();
}

static int carrier_up(void *arg)
{
	struct harness *h = arg;

	/* a recovery runtime may replace the interface while the link comes up: never look at a freed one */
	h->dev = fgft_netdev_get(0);
	return h->dev && netif_carrier_ok(h->dev) && netif_running(h->dev);
}

static u64 deadline_for(const struct harness *h)
{
	const struct fgft_harness_options *o = h->o;

	if (o->timeout_ms)
		return fgft_now_ns() + o->timeout_ms * MS;
	/* generous: wire time of full-size frames both ways, plus slack per change and for recovery; in rr every
	 * request may time out (50 ms) */
	return fgft_now_ns() + 5000 * MS + (h->tx_target + h->rx_target) * 50000ULL +
	       (u64)h->r->nchanges * 2000 * MS + (o->workload == FGFT_WL_RR ? h->tx_target * 50 * MS : 0);
}

static void run_workload(struct harness *h)
{
	u64 deadline = deadline_for(h), start = fgft_now_ns();

	h->last_progress = h->last_frame = start;
	e1000_model_arm_faults(h->models[0]);
	for (;;) {
		u64 now = fgft_now_ns(), until = now + SLICE_NS < deadline ? now + SLICE_NS : deadline;

		if (fgft_sched_run(until, workload_step, h))
			break;
		now = fgft_now_ns();
		/* frames in doubt after a carrier loss are resent once the path is back: wait for it while the
		 * interface exists */
		if (workload_all_offered(h) && !(h->rx_doubt_upto && fgft_netdev_get(0)) &&
		    now - h->last_progress > IDLE_DONE_NS)
			break;
		if (now - h->last_progress > IDLE_STALL_NS || now >= deadline) {
			h->r->timed_out = 1;
			fgft_log("harness: workload %s; giving up (interface %s, carrier %s, queue %s)\n",
				 now >= deadline ? "reached its time limit" : "stalled",
				 h->dev && netif_running(h->dev) ? "up" : "down",
				 h->dev && netif_carrier_ok(h->dev) ? "on" : "off",
				 h->dev && netif_queue_stopped(h->dev) ? "stopped" : "running");
			break;
		}
	}
	h->r->traffic_ns = h->last_frame - start;
}

static void sort_changes(struct fgft_harness_report *r)
{
	int i, j;

	for (i = 1; i < r->nchanges; i++)
		for (j = i; j > 0 && r->changes[j].at_frame < r->changes[j - 1].at_frame; j--) {
			struct fgft_config_change t = r->changes[j];

			r->changes[j] = r->changes[j - 1];
			r->changes[j - 1] = t;
		}
}

static void default_changes(const struct fgft_harness_options *o, struct fgft_harness_report *r)
{
	u64 total = o->frames * 2;

	r->changes[0] = (struct fgft_config_change){ .at_frame = total / 4, .kind = FGFT_CHANGE_RING, .value = 128 };
	r->changes[1] = (struct fgft_config_change){ .at_frame = total / 2, .kind = FGFT_CHANGE_MSGLEVEL, .value = 7 };
	r->changes[2] = (struct fgft_config_change){ .at_frame = 3 * total / 4, .kind = FGFT_CHANGE_MTU, .value = 1000 };
	r->nchanges = 3;
}

static void collect(struct harness *h)
{
	struct fgft_harness_report *r = h->r;
	unsigned int i;

	frame_tracker_settle(&h->tx_track);
	frame_tracker_settle(&h->rx_track);
	r->device = *e1000_model_stats(h->models[0]);
	r->dma_faults = fgft_dma_faults();
	r->tx_timeouts = fgft_stack_stats()->tx_timeouts;
	r->irq_storms = fgft_stack_stats()->irq_storms;
	for (i = 0; i < FGFT_DENY_KIND_COUNT && i < 4; i++)
		r->denials[i] = fgft_policy_denials((enum fgft_denial)i);
	for (i = 0; i < FGFT_V_KIND_COUNT && i < 8; i++)
		r->violations[i] = fgft_violation_count((enum fgft_violation)i);
}

static int verdict(const struct fgft_harness_report *r)
{
	u64 violations = 0;
	int i;

	for (i = 0; i < 8; i++)
		violations += r->violations[i];
	return !r->load_error && !r->timed_out && !r->refused && !r->tx.lost && !r->tx.corrupted && !r->tx.duplicated &&
	       !r->rx.lost && !r->rx.corrupted && !r->rx.duplicated && !r->leaks && !violations;
}

/* Load the module, find the interface, open it, wait for the link. Steps already done (a recovery runtime
 * that restarted the driver reloads the module and reopens an interface that was up) are skipped, so a failed
 * bring-up can be tried again. */
static int bring_up(struct harness *h)
{
	int err;

	if (!fgft_module_loaded()) {
		err = fgft_module_load();
		if (err) {
			fgft_log("harness: module_init failed: %d\n", err);
			return err;
		}
	}
	h->dev = fgft_netdev_get(0);
	if (!h->dev) {
		fgft_log("harness: the driver registered no network device\n");
		return -ENODEV;
	}
	memcpy(h->nic_mac, h->dev->dev_addr, ETH_ALEN);
	h->mtu = h->dev->mtu;
	if (!netif_running(h->dev)) {
		err = fgft_netdev_open(h->dev);
		if (err) {
			fgft_log("harness: ndo_open failed: %d\n", err);
			return err;
		}
	}
	{
		struct ethtool_drvinfo info;

		if (!fgft_ethtool_get_drvinfo(h->dev, &info)) {
			snprintf(h->r->driver, sizeof(h->r->driver), "%s", info.driver);
			snprintf(h->r->driver_version, sizeof(h->r->driver_version), "%s", info.version);
		}
	}
	if (!fgft_sched_run(fgft_now_ns() + LINK_WAIT_NS, carrier_up, h)) {
		fgft_log("harness: link did not come up\n");
		return -ENOLINK;
	}
	return 0;
}

static unsigned long recoveries_so_far(void)
{
	return kr_recoveries ? kr_recoveries() : 0;
}

/* The driver failed and a recovery runtime is bringing it back (or already has, since `before`). */
static int driver_coming_back(unsigned long before)
{
	if (!kr_driver_state)
		return 0;
	switch (kr_driver_state()) {
	case KR_DRIVER_RECOVERING:
	case KR_DRIVER_RESTART_PENDING:
		return 1;
	case KR_DRIVER_LOADED:
		return recoveries_so_far() != before;
	default: /* unloaded or disabled: nothing will bring it back */
		return 0;
	}
}

static int restart_settled(void *arg)
{
	enum kr_driver_state s = kr_driver_state();

	(void)arg;
	return s != KR_DRIVER_RECOVERING && s != KR_DRIVER_RESTART_PENDING;
}

/* In slices: the recovery runtime works at scheduler ticks, and an idle machine has no events to tick at. */
static int wait_for_restart(void)
{
	u64 deadline = fgft_now_ns() + RESTART_WAIT_NS;

	while (fgft_now_ns() < deadline)
		if (fgft_sched_run(fgft_now_ns() + SLICE_NS, restart_settled, NULL))
			return kr_driver_state() == KR_DRIVER_LOADED;
	return 0;
}

/*
 * As an application (or the init system) opening the device would: when a bring-up fails because the driver
 * failed and the recovery runtime restarts it, wait for the restart and try again, a bounded number of times.
 * A failure nothing recovers (a plain error return, recovery off, policy unload, driver disabled) is final.
 */
static int bring_up_retrying(struct harness *h)
{
	unsigned long before = recoveries_so_far();
	int err = bring_up(h);

	while (err && h->r->bringup_retries < BRINGUP_RETRIES && driver_coming_back(before)) {
		if (!wait_for_restart()) {
			fgft_log("harness: bring-up failed (%d) and the driver did not come back\n", err);
			break;
		}
		if (!h->r->bringup_retries)
			h->r->bringup_first_error = err;
		h->r->bringup_retries++;
		fgft_log("harness: bring-up failed (%d); the driver was restarted, trying again (%d of %d)\n", err,
			 h->r->bringup_retries, BRINGUP_RETRIES);
		before = recoveries_so_far();
		err = bring_up(h);
	}
	return err;
}

int fgft_harness_run(const struct fgft_harness_options *o, struct fgft_harness_report *r)
{
	struct harness *h = calloc(1, sizeof(*h));
	u64 start = fgft_wall_ns();
	int err;

	if (!h)
		return -ENOMEM;
	memset(r, 0, sizeof(*r));
	r->workload = workload_name(o->workload);
	r->frames = o->frames;
	r->seed = o->seed;
	r->device_faults = o->device_faults;
	memcpy(r->changes, o->changes, sizeof(r->changes));
	r->nchanges = o->nchanges;
	if (o->workload == FGFT_WL_CONFIG && !r->nchanges)
		default_changes(o, r);
	sort_changes(r);
	h->o = o;
	h->r = r;
	fgft_current_harness = h;
	fgft_machine_reset();
	fgft_seed(o->seed);
	fgft_log_set_quiet(o->quiet);
	fgft_profile_enable(o->profile);
	setup_policy(o);
	workload_setup(h);
	/* a response carries its request's sequence number: requests that never arrived leave gaps */
	if (frame_tracker_init(&h->tx_track, h->tx_target + 1, &r->tx, &r->tx.offered) ||
	    frame_tracker_init(&h->rx_track, (h->rx_target ? h->rx_target : h->tx_target) + 1, &r->rx,
			       o->workload == FGFT_WL_RR ? &r->tx.offered : &r->rx.offered)) {
		err = -ENOMEM;
		goto out;
	}
	err = build_machine(h);
	if (err)
		goto out;
	fgft_set_rx_sink(workload_app_rx, h);
	if (fgft_runtime_init)
		fgft_runtime_init();
	err = bring_up_retrying(h);
	if (err) {
		r->load_error = err;
	} else {
		h->link_was_up = 1;
		run_workload(h);
		workload_settle_link_down(h);
		h->dev = fgft_netdev_get(0);
		if (h->dev) /* NULL once a recovery runtime unloaded the driver */
			fgft_netdev_get_stats64(h->dev, &r->driver_stats);
	}
	r->sim_ns = fgft_now_ns();
	h->dev = fgft_netdev_get(0);
	if (h->dev)
		fgft_netdev_close(h->dev);
	/* a recovery runtime releases a driver that failed in close at its next tick: let it, before the unload
	 * and the leak check */
	fgft_sched_run(fgft_now_ns() + SLICE_NS, NULL, NULL);
	fgft_module_unload();
	collect(h);
	r->leaks = fgft_track_report_leaks(NULL, stderr);
	r->wall_ns = fgft_wall_ns() - start;
	r->driver_ns = fgft_profile_driver_ns();
	r->pass = verdict(r);
	err = 0;
	fgft_set_rx_sink(NULL, NULL);
	destroy_machine(h);
out:
	frame_tracker_free(&h->tx_track);
	frame_tracker_free(&h->rx_track);
	fgft_current_harness = NULL;
	free(h);
	return err;
}
