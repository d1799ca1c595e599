// SPDX-License-Identifier: MIT
/*
 * kr_machine.c - krecover on the simulated machine (runtime-c/shim).
 *
 *  - compensation: walk the shim's resource tracker newest first and release
 *    each resource with the function declared for its type (KR_COMPENSATION
 *    entries next to the shim's APIs win over the defaults below, which use
 *    the public kernel API);
 *  - kernel-API misuse reported by the shim is a driver failure;
 *  - kr_poll() runs on every scheduler tick (restart, watched file, watchdog);
 *  - restart: reload the module (re-probe), then replay what the driver was
 *    told through its class interfaces: MTU, ring sizes, message level, open
 *    state and rx mode (recorded through the shim's entry hooks; a call that
 *    made the driver fail is not recorded: it would fail again).
 */
#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/if.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <string.h>
#include <fgft/sim.h>
#include <fgft/track.h>
#include <linux/krecover.h>
#include "kr_internal.h"

#define KR_MAX_NETDEVS 8

/* ---- compensation: one release function per tracked resource type ---- */

static void kr_release_mem(struct fgft_resource *res) { kvfree(res->obj); }
static void kr_release_irq(struct fgft_resource *res) { free_irq((unsigned int)res->aux, (void *)res->obj); }
static void kr_release_iomap(struct fgft_resource *res) { iounmap((void __iomem *)res->obj); }
static void kr_release_pci_enable(struct fgft_resource *res) { pci_disable_device((struct pci_dev *)res->obj); }
static void kr_release_pci_regions(struct fgft_resource *res) { pci_release_regions((struct pci_dev *)res->obj); }
static void kr_release_pci_driver(struct fgft_resource *res) { pci_unregister_driver((struct pci_driver *)res->obj); }
static void kr_release_netdev(struct fgft_resource *res) { free_netdev((struct net_device *)res->obj); }
static void kr_release_netdev_reg(struct fgft_resource *res) { unregister_netdev((struct net_device *)res->obj); }
static void kr_release_napi(struct fgft_resource *res) { netif_napi_del((struct napi_struct *)res->obj); }
static void kr_release_timer(struct fgft_resource *res) { del_timer((struct timer_list *)res->obj); }
static void kr_release_work(struct fgft_resource *res) { cancel_work_sync((struct work_struct *)res->obj); }
static void kr_release_mutex(struct fgft_resource *res) { mutex_unlock((struct mutex *)res->obj); }
static kr_skb_drop_hook kr_drop_hook;
static void *kr_drop_arg;
static unsigned long kr_dropped;

void kr_set_skb_drop_hook(kr_skb_drop_hook hook, void *arg)
{
	kr_drop_hook = hook;
	kr_drop_arg = arg;
}

unsigned long kr_frames_dropped(void)
{
	return kr_dropped;
}

/* A frame the driver still held is dropped and reported, never counted as sent. */
static void kr_release_skb(struct fgft_resource *res)
{
	struct sk_buff *skb = (struct sk_buff *)res->obj;

	if (skb->fgft_id) {
		/* An application's frame, not one of the driver's receive buffers. */
		kr_dropped++;
		if (kr_drop_hook)
			kr_drop_hook(skb, kr_drop_arg);
		skb->fgft_id = 0;
	}
	kfree_skb(skb);
}

/* The DMA API needs the device: the owner of a mapping is the instance bound to it. */
static struct device *kr_owner_device(const struct fgft_resource *res)
{
	struct pci_dev *pdev = res->owner ? (struct pci_dev *)res->owner->pci_dev : NULL;

	return pdev ? &pdev->dev : NULL;
}

static void kr_release_dma_coherent(struct fgft_resource *res)
{
	dma_free_coherent(kr_owner_device(res), 0, (void *)res->obj, (dma_addr_t)res->aux);
}

/* Tracked as obj = bus address, aux = CPU address, with the length and direction it was mapped with. */
static void kr_release_dma_map(struct fgft_resource *res)
{
	dma_unmap_single(kr_owner_device(res), (dma_addr_t)(uintptr_t)res->obj, res->len,
			 (enum dma_data_direction)res->dir);
}

static void kr_release_spinlock(struct fgft_resource *res)
{
	spin_unlock_irqrestore((spinlock_t *)res->obj, res->aux);
}

/*
 * Defaults, through the public kernel API.  A KR_COMPENSATION entry next to
 * the shim's own API (e.g. one that knows a mapping's length) takes precedence.
 */
static const struct kr_compensation kr_default_compensations[] = {
	{ .type = FGFT_RES_MEM, .name = "kvfree", .release = kr_release_mem },
	{ .type = FGFT_RES_IRQ, .name = "free_irq", .release = kr_release_irq },
	{ .type = FGFT_RES_DMA_COHERENT, .name = "dma_free_coherent", .release = kr_release_dma_coherent },
	{ .type = FGFT_RES_DMA_MAP, .name = "dma_unmap_single", .release = kr_release_dma_map },
	{ .type = FGFT_RES_IOMAP, .name = "iounmap", .release = kr_release_iomap },
	{ .type = FGFT_RES_PCI_ENABLE, .name = "pci_disable_device", .release = kr_release_pci_enable },
	{ .type = FGFT_RES_PCI_REGIONS, .name = "pci_release_regions", .release = kr_release_pci_regions },
	{ .type = FGFT_RES_PCI_DRIVER, .name = "pci_unregister_driver", .release = kr_release_pci_driver },
	{ .type = FGFT_RES_NETDEV, .name = "free_netdev", .release = kr_release_netdev },
	{ .type = FGFT_RES_NETDEV_REG, .name = "unregister_netdev", .release = kr_release_netdev_reg },
	{ .type = FGFT_RES_NAPI, .name = "netif_napi_del", .release = kr_release_napi },
	{ .type = FGFT_RES_TIMER, .name = "del_timer", .release = kr_release_timer },
	{ .type = FGFT_RES_WORK, .name = "cancel_work_sync", .release = kr_release_work },
	{ .type = FGFT_RES_SPINLOCK, .name = "spin_unlock_irqrestore", .release = kr_release_spinlock },
	{ .type = FGFT_RES_MUTEX, .name = "mutex_unlock", .release = kr_release_mutex },
	{ .type = FGFT_RES_SKB, .name = "kfree_skb", .release = kr_release_skb },
};

/* KR_COMPENSATION entries linked in from anywhere (the linker provides the bounds). */
extern const struct kr_compensation __start_kr_compensation[] __attribute__((weak));
extern const struct kr_compensation __stop_kr_compensation[] __attribute__((weak));

static const struct kr_compensation *kr_compensation_for(int type)
{
	const struct kr_compensation *c;
	size_t i;

	for (c = __start_kr_compensation; c && c < __stop_kr_compensation; c++)
		if (c->type == type)
			return c;
	for (i = 0; i < sizeof(kr_default_compensations) / sizeof(kr_default_compensations[0]); i++)
		if (kr_default_compensations[i].type == type)
			return &kr_default_compensations[i];
	return NULL;
}

static int kr_releasing;
static unsigned long kr_released_now;
static unsigned long kr_released_by_type[FGFT_RES_TYPE_COUNT];

unsigned long kr_machine_released(enum fgft_res_type type)
{
	return (unsigned int)type < FGFT_RES_TYPE_COUNT ? kr_released_by_type[type] : 0;
}

/*
 * Run one compensation with a guard: a processor fault in it (the shim dereferencing what the failed driver
 * wrote over) comes back here instead of taking the machine down.  Returns 0 if it faulted.
 */
static int kr_guarded_release(const struct kr_compensation *c, struct fgft_resource *res)
{
	sigjmp_buf guard;
	sigjmp_buf *outer = kr_thread.guard;

	if (sigsetjmp(guard, 0)) {
		kr_thread.guard = outer;
		return 0;
	}
	kr_thread.guard = &guard;
	c->release(res);
	kr_thread.guard = outer;
	return 1;
}

static int kr_release_one(struct fgft_resource *res, void *arg)
{
	const struct kr_compensation *c = kr_compensation_for(res->type);
	enum fgft_res_type type = res->type;
	const void *obj = res->obj;
	struct fgft_owner *previous;

	(void)arg;
	if (!res->owner)
		return 0; /* the kernel's own (stack, harness): not the driver's to give back */
	if (res->obj == kr_kept_object)
		return 0; /* the failed call's caller takes it back */
	if (!c) {
		fprintf(stderr, "krecover: no compensation for %s %p: forgotten\n", fgft_res_type_name(type), obj);
		fgft_track_remove(type, obj);
		return 0;
	}
	previous = fgft_set_current_owner(res->owner);
	if (!kr_guarded_release(c, res)) {
		/* Freeing what the driver corrupted faulted (e.g. a wild sk_buff head): give up on this one, go on. */
		fgft_set_current_owner(previous);
		kr_stats_data.compensation_faults++;
		fprintf(stderr, "krecover: %s faulted on %s %p: abandoned\n", c->name, fgft_res_type_name(type), obj);
		fgft_track_remove(type, obj);
		return 0;
	}
	fgft_set_current_owner(previous);
	/* The release function must have untracked it; never loop on one that did not. */
	if (fgft_track_find(type, obj)) {
		fprintf(stderr, "krecover: %s did not release %s %p\n", c->name, fgft_res_type_name(type), obj);
		fgft_track_remove(type, obj);
	}
	kr_released_now++;
	if ((unsigned int)type < FGFT_RES_TYPE_COUNT)
		kr_released_by_type[type]++;
	return 0;
}

static void kr_snapshot_netdevs(void);
/* A restart has yet to bring back the configuration taken at the failure (set until an attempt succeeds). */
static int kr_config_pending;

static int kr_is_held_lock(const struct fgft_resource *res)
{
	return res->type == FGFT_RES_SPINLOCK || res->type == FGFT_RES_MUTEX;
}

static int kr_release_held_lock(struct fgft_resource *res, void *arg)
{
	return kr_is_held_lock(res) ? kr_release_one(res, arg) : 0;
}

static int kr_release_other(struct fgft_resource *res, void *arg)
{
	return kr_is_held_lock(res) ? 0 : kr_release_one(res, arg);
}

/*
 * The failed thread's locks go first, as a kernel recovery would drop them: the compensation that
 * follows may sleep (cancel_work_sync), which must not happen in atomic context, whatever the
 * acquisition order was.  Each unlock restores the interrupt state saved when its lock was taken.
 */
static void kr_drop_held_locks(void)
{
	fgft_track_for_each_reverse(NULL, kr_release_held_lock, NULL);
}

/* At the release, apart from the failed call: interrupt and bottom-half state its unwound code left behind. */
static void kr_reset_irq_state(void)
{
	local_irq_enable();
	while (in_softirq() && fgft_context() == FGFT_CTX_PROCESS)
		local_bh_enable();
}

/*
 * Compensation runs in process context, whatever the failed call was, and begins by dropping the failed
 * thread's locks; returns how many resources it released.
 */
static unsigned long kr_compensate(void (*steps)(void))
{
	struct fgft_entry_state saved = fgft_entry_begin(fgft_module_owner(), FGFT_CTX_PROCESS, "krecover");

	kr_releasing = 1;
	kr_released_now = 0;
	kr_drop_held_locks();
	steps();
	kr_releasing = 0;
	fgft_entry_end(saved);
	return kr_released_now;
}

static void kr_release_the_rest(void)
{
	kr_reset_irq_state();
	fgft_track_for_each_reverse(NULL, kr_release_other, NULL);
}

static unsigned long kr_machine_release_all(void)
{
	/* What to bring back on restart, read before the release unregisters the devices; not after a failed
	 * restart attempt, whose devices are half brought back: what the failure left is still to be restored. */
	if (!kr_config_pending)
		kr_snapshot_netdevs();
	return kr_compensate(kr_release_the_rest);
}

/*
 * At the failure: the scheduler step that follows would run the driver's
 * queued work into the refusing stubs before the next tick releases
 * anything, so the work would be dropped, never compensated.  It is
 * cancelled at once, through its compensation; it touches nothing the
 * interrupted caller still uses.  The failed thread's locks are dropped
 * first (cancel_work_sync() may sleep); only when the caller itself is in
 * atomic context (the driver failed in an interrupt handler or softirq
 * that took no lock of its own) is the work left to the release.
 */
static int kr_cancel_queued_work(struct fgft_resource *res, void *arg)
{
	return res->type == FGFT_RES_WORK ? kr_release_one(res, arg) : 0;
}

static void kr_cancel_all_queued_work(void)
{
	if (!in_atomic())
		fgft_track_for_each_reverse(NULL, kr_cancel_queued_work, NULL);
}

static unsigned long kr_machine_stop_deferred(void)
{
	return kr_compensate(kr_cancel_all_queued_work);
}

/* ---- configuration to replay after a restart ---- */

struct kr_netdev_config {
	int known;		/* this device existed at the failure */
	int up;
	unsigned int mtu;
	unsigned int rx_flags;	/* IFF_PROMISC | IFF_ALLMULTI */
	int msglevel_set;
	u32 msglevel;
	int ring_set;
	u32 rx_pending, tx_pending;
};

static struct kr_netdev_config kr_config[KR_MAX_NETDEVS];

/* The kernel-side state of each device (the stack owns these fields), taken before release. */
static void kr_snapshot_netdevs(void)
{
	int i;

	for (i = 0; i < KR_MAX_NETDEVS; i++) {
		struct net_device *dev = fgft_netdev_get(i);

		kr_config[i].known = dev != NULL;
		if (!dev)
			continue;
		kr_config[i].up = (dev->flags & IFF_UP) != 0;
		kr_config[i].mtu = dev->mtu;
		kr_config[i].rx_flags = dev->flags & (IFF_PROMISC | IFF_ALLMULTI);
	}
}

/*
 * Driver-private configuration (message level, ring sizes) is recorded when
 * a class-interface call that sets it returns without a failure: the leave
 * hook reads the values back through the driver's getters.  A call that made
 * the driver fail is not recorded, so a restart does not repeat it.
 */
static int kr_is_config_entry(const char *entry)
{
	return entry && (strcmp(entry, "ethtool_set_msglevel") == 0 || strcmp(entry, "ethtool_set_ringparam") == 0);
}

static unsigned long kr_recoveries_at_config;
static int kr_recording;

static void kr_record_config(const struct fgft_owner *owner)
{
	struct ethtool_ringparam ring;
	int i;

	for (i = 0; i < KR_MAX_NETDEVS; i++) {
		struct net_device *dev = fgft_netdev_get(i);
		u32 level;

		if (!dev || dev->fgft_owner != owner)
			continue;
		if (fgft_ethtool_get_msglevel(dev, &level) == 0) {
			kr_config[i].msglevel_set = 1;
			kr_config[i].msglevel = level;
		}
		if (fgft_ethtool_get_ringparam(dev, &ring) == 0) {
			kr_config[i].ring_set = 1;
			kr_config[i].rx_pending = ring.rx_pending;
			kr_config[i].tx_pending = ring.tx_pending;
		}
	}
}

static void kr_on_enter(struct fgft_owner *owner, const char *entry, void *arg)
{
	(void)owner;
	(void)arg;
	if (!kr_recording && kr_is_config_entry(entry))
		kr_recoveries_at_config = kr_get_stats()->recoveries;
}

static void kr_on_leave(struct fgft_owner *owner, const char *entry, void *arg)
{
	(void)arg;
	if (kr_recording || !kr_is_config_entry(entry) || kr_driver_state() != KR_DRIVER_LOADED ||
	    kr_get_stats()->recoveries != kr_recoveries_at_config)
		return;
	kr_recording = 1; /* the getters enter the driver too */
	kr_record_config(owner);
	kr_recording = 0;
}

static const struct fgft_entry_hooks kr_entry_hooks = {
	.enter = kr_on_enter,
	.leave = kr_on_leave,
};

static void kr_unload(void)
{
	fgft_module_unload();
}

static int kr_replay(int i, struct net_device *dev)
{
	const struct kr_netdev_config *c = &kr_config[i];
	int rc = 0;

	if (c->mtu && c->mtu != dev->mtu)
		rc = fgft_netdev_change_mtu(dev, (int)c->mtu);
	if (!rc && c->ring_set)
		rc = fgft_ethtool_set_ringparam(dev, c->rx_pending, c->tx_pending);
	if (!rc && c->msglevel_set)
		rc = fgft_ethtool_set_msglevel(dev, c->msglevel);
	if (!rc && c->up)
		rc = fgft_netdev_open(dev);
	if (!rc && c->up && c->rx_flags)
		fgft_netdev_set_rx_mode(dev, c->rx_flags);
	return rc;
}

/* Nooks/MINIX restart: load the module again (probe) and bring each device back as it was. */
static int kr_restart_attempt(void)
{
	int rc = fgft_module_load();
	int i;

	if (rc)
		return rc;
	kr_recording = 1; /* the replay itself is not new configuration */
	for (i = 0; i < KR_MAX_NETDEVS && rc == 0; i++) {
		struct net_device *dev;

		if (!kr_config[i].known)
			continue;
		dev = fgft_netdev_get(i);
		if (!dev)
			rc = -19; /* -ENODEV: the device did not come back */
		else
			rc = kr_replay(i, dev);
		if (!rc && kr_driver_state() != KR_DRIVER_LOADED)
			rc = -5; /* the driver failed again while being brought back */
	}
	kr_recording = 0;
	return rc;
}

/* A failed attempt leaves the configuration pending for the next one (kr_machine_release_all). */
static int kr_restart(void)
{
	int rc;

	kr_config_pending = 1;
	rc = kr_restart_attempt();
	if (!rc && kr_driver_state() != KR_DRIVER_LOADED)
		rc = -5;
	if (!rc)
		kr_config_pending = 0;
	return rc;
}

static unsigned long long kr_machine_now(void)
{
	return fgft_now_ns();
}

/* A device-time event at the end of a restart's back-off: the scheduler's tick after it runs kr_poll(). */
static void kr_wake(void *arg)
{
	(void)arg;
}

static void kr_machine_wake_at(unsigned long long ns)
{
	fgft_sched_at(ns, kr_wake, NULL);
}

static const struct kr_recovery_ops kr_machine_ops = {
	.release_all = kr_machine_release_all,
	.unload = kr_unload,
	.restart = kr_restart,
	.now_ns = kr_machine_now,
	.stop_deferred = kr_machine_stop_deferred,
	.wake_at = kr_machine_wake_at,
};

/* ---- kernel-API misuse and the scheduler ---- */

static void kr_on_violation(enum fgft_violation kind, struct fgft_owner *owner, const char *msg)
{
	char detail[320];

	if (kr_releasing) {
		/* Compensation met a resource in a state the driver broke: note it, carry on. */
		fprintf(stderr, "krecover: during release: %s: %s\n", fgft_violation_name(kind), msg);
		return;
	}
	snprintf(detail, sizeof(detail), "%s: %s", fgft_violation_name(kind), msg);
	if (kr_fault(KR_CAUSE_API_MISUSE, detail))
		return;
	fgft_default_violation_handler(kind, owner, msg);
}

/* `i misuse ...`: free what the driver never allocated, as a buggy driver might. */
/* `i misuse|doublefree|sleep|unlock ...`: the kernel-API misuse itself, committed through the shim, which
 * catches it as it would catch the driver's own. */
static void kr_misuse(enum kr_inject what)
{
	static int not_allocated;
	static spinlock_t never_locked;
	void *p;

	switch (what) {
	case KR_INJECT_DOUBLEFREE:
		p = kmalloc(64, GFP_ATOMIC);
		kfree(p);
		kfree(p);
		break;
	case KR_INJECT_SLEEP:
		msleep(1);
		break;
	case KR_INJECT_UNLOCK:
		spin_lock_init(&never_locked);
		spin_unlock(&never_locked);
		break;
	default:
		kfree(&not_allocated);
		break;
	}
}

/* `i stall ...`: poll a condition that never comes, as a driver waiting on a stuck register. */
static void kr_stall(void)
{
	for (;;)
		udelay(10);
}

/*
 * The simulated-time watchdog needs the clock while the driver spins in
 * udelay, when no scheduler tick runs: a device-time event every quarter of
 * the limit, armed while the limit is set.
 */
static int kr_heartbeat_armed;

static void kr_heartbeat_arm(void);

static void kr_heartbeat(void *arg)
{
	(void)arg;
	kr_heartbeat_armed = 0;
	kr_heartbeat_arm(); /* first: kr_watchdog_sim_check may not return */
	kr_watchdog_sim_check();
}

static void kr_heartbeat_arm(void)
{
	struct kr_settings s;

	kr_get_settings(&s);
	if (kr_heartbeat_armed || !s.hang_sim_ns)
		return;
	kr_heartbeat_armed = 1;
	fgft_sched_at(fgft_now_ns() + (s.hang_sim_ns / 4 ? s.hang_sim_ns / 4 : 1), kr_heartbeat, NULL);
}

static void kr_tick(u64 now_ns, void *arg)
{
	(void)now_ns;
	(void)arg;
	kr_poll();
	kr_heartbeat_arm();
}

/* Connect krecover to the machine; call again after fgft_machine_reset(). */
int kr_machine_attach(void)
{
	kr_set_recovery_ops(&kr_machine_ops);
	fgft_violation_handler = kr_on_violation;
	fgft_set_entry_hooks(&kr_entry_hooks);
	kr_misuse_injector = kr_misuse;
	kr_stall_injector = kr_stall;
	kr_heartbeat_armed = 0; /* a machine reset dropped any pending event */
	kr_config_pending = 0;
	fgft_sched_remove_tick_hook(kr_tick, NULL);
	return fgft_sched_add_tick_hook(kr_tick, NULL);
}

__attribute__((constructor)) static void kr_machine_attach_at_start(void)
{
	kr_machine_attach();
}
