/* SPDX-License-Identifier: MIT */
/*
 * linux/krecover.h - SafeDrive-style recovery for drivers built with fgftc.
 *
 * fgftc wraps every driver entry point in a stub (compiler/passes/stubs):
 *
 *	env = kr_enter_driver("e1000_open");	NULL: driver not loaded, fail
 *	if (__sigsetjmp(env, 0)) {		a failure jumped back here
 *		kr_driver_failed();		release, unload or schedule restart
 *		return -EIO;
 *	}
 *	ret = __fgft_orig_e1000_open(netdev);
 *	kr_exit_driver();
 *
 * A failure anywhere inside the driver (failed check, processor fault, hang,
 * kernel-API misuse, kr_trigger_fault()) jumps back to the outermost stub on
 * the thread.  The declarations of the stub interface must stay identical to
 * compiler/passes/stubs/prelude.ts: a unit may see both.
 */
#ifndef _LINUX_KRECOVER_H
#define _LINUX_KRECOVER_H

#include <stddef.h>

/* ---- called by fgftc's stubs and probes ---- */
struct __jmp_buf_tag;
extern struct __jmp_buf_tag *kr_enter_driver(const char *entry);
extern void kr_exit_driver(void);
extern void kr_driver_failed(void);
/* As kr_driver_failed, but the caller keeps `object` (NETDEV_TX_BUSY: the stack requeues the skb). */
extern void kr_driver_failed_keep(const void *object);
extern int kr_probes_armed;
extern void kr_probe(const char *function);

/* ---- called by drivers ---- */
/* Fail the driver on purpose (SafeDrive: ethtool msglvl 1000).  Ignored when recovery is off. */
void kr_trigger_fault(void);

/* ---- failure detection ---- */
enum kr_cause {
	KR_CAUSE_CHECK,		/* a bounds/null check inserted by fgftc failed */
	KR_CAUSE_SIGSEGV,	/* processor faults inside driver code */
	KR_CAUSE_SIGBUS,
	KR_CAUSE_SIGFPE,
	KR_CAUSE_SIGILL,
	KR_CAUSE_HANG,		/* watchdog: stuck in the driver (real or simulated time) */
	KR_CAUSE_API_MISUSE,	/* the kernel shim caught a misuse (double free, ...) */
	KR_CAUSE_TRIGGER,	/* kr_trigger_fault() */
	KR_CAUSE_QUOTA,		/* control command `q N` ran out */
	KR_CAUSE_PROBE,		/* control command `f FUNCTION OFFSET` hit */
	KR_CAUSE_COUNT
};

const char *kr_cause_name(enum kr_cause cause);

/*
 * Report a failure.  Inside the driver with recovery on this does not
 * return: it jumps back to the outermost stub.  Outside the driver, or with
 * recovery off, it returns 0 and the caller does what it would do without
 * krecover (abort, crash, carry on).
 */
int kr_fault(enum kr_cause cause, const char *detail);

/* Depth of driver entries on the calling thread (0: not in the driver). */
int kr_in_driver(void);

/* ---- policy ---- */
enum kr_policy {
	KR_POLICY_UNLOAD,	/* SafeDrive: release everything, later calls fail cleanly */
	KR_POLICY_RESTART,	/* Nooks/MINIX: unload, reload, re-probe, re-open, replay */
};

enum kr_driver_state {
	KR_DRIVER_LOADED,
	KR_DRIVER_RESTART_PENDING,	/* released; restart runs at a kr_poll() once its back-off has passed */
	KR_DRIVER_UNLOADED,		/* failed and unloaded (policy unload) */
	KR_DRIVER_DISABLED,		/* too many restarts in the window */
	KR_DRIVER_RECOVERING,		/* failed; the release runs at the next kr_poll() */
};

struct kr_settings {
	int recovery;			/* `r 1` / `r 0` */
	enum kr_policy policy;
	unsigned int max_restarts;	/* restart attempts (failed ones too) allowed per window ... */
	unsigned long long window_ns;	/* ... of simulated (or, standalone, real) time */
	unsigned long long hang_real_ms;	/* real-time watchdog; 0 = off */
	unsigned long long hang_sim_ns;	/* simulated-time watchdog; 0 = off */
	/* Appended: a failed restart attempt is retried after this much (simulated) time, doubled for each
	 * further failed attempt (at most KR_RESTART_BACKOFF_MAX_NS). */
	unsigned long long restart_backoff_ns;
};
#define KR_RESTART_BACKOFF_MAX_NS (1000ull * 1000000ull)

void kr_get_settings(struct kr_settings *out);
void kr_set_settings(const struct kr_settings *in);
enum kr_driver_state kr_driver_state(void);
const char *kr_policy_name(enum kr_policy policy);

/*
 * What recovery does to the machine.  The shim integration (kr_machine.c)
 * supplies these; a standalone program may supply its own.
 */
struct kr_recovery_ops {
	/* Compensate: release everything the driver holds, newest first. Returns how many. */
	unsigned long (*release_all)(void);
	/* Forget the driver (after release_all): its later entry calls fail cleanly. */
	void (*unload)(void);
	/* Reload, re-probe, re-open and replay configuration. 0 on success. */
	int (*restart)(void);
	/* Simulated time in ns (for the hang watchdog, windows and outage); NULL: real time. */
	unsigned long long (*now_ns)(void);
	/* At the failure, before the release: cancel the work the driver queued, which the kernel would
	 * otherwise run into the refusing stubs first (counted with the release). NULL: nothing to do. */
	unsigned long (*stop_deferred)(void);
	/* Appended: make kr_poll() run at (or soon after) simulated time `ns`, for a restart's back-off.
	 * NULL: the next kr_poll() at or after that time runs it. */
	void (*wake_at)(unsigned long long ns);
};
void kr_set_recovery_ops(const struct kr_recovery_ops *ops);

/* Do deferred work (a failed driver's release, a pending restart, the watched control file, the
 * simulated-time watchdog): one step per call, release first, restart at the next call.
 * Call from outside the driver; the shim integration registers it as a scheduler tick hook. */
void kr_poll(void);

/* ---- statistics ---- */
struct kr_stats {
	unsigned long failures[KR_CAUSE_COUNT];
	unsigned long recoveries;	/* failures handled by release + unload/restart */
	unsigned long unloads;
	unsigned long restarts;
	unsigned long restart_failures;	/* restart attempts abandoned (probe/open/replay failed) */
	unsigned long refused_calls;	/* entry calls into an unloaded driver */
	unsigned long resources_released;
	unsigned long long recovery_wall_ns_total;
	unsigned long long recovery_wall_ns_last;	/* release + (restart) of the last recovery */
	unsigned long long release_wall_ns_last;	/* of which: compensation and unload */
	unsigned long long restart_wall_ns_last;	/* of which: reload, re-probe, re-open, replay */
	unsigned long long last_failure_time_ns;	/* simulated (or real) time of the last failure */
	unsigned long long last_restart_time_ns;	/* when the last restart completed */
	/* Appended fields (keep the ones above in place). */
	unsigned long restart_retries;	/* attempts scheduled again, with back-off, after a failed one */
	unsigned long recovery_faults;	/* driver failures while recovery itself ran driver code */
	unsigned long disables;		/* times the restart limit disabled the driver */
	unsigned long compensation_faults;	/* releases abandoned: a processor fault inside the compensation */
};
const struct kr_stats *kr_get_stats(void);
void kr_reset(void);	/* settings to defaults, counters to zero, driver loaded */

/* ---- control interface (SafeDrive's /proc/krecover) ---- */
/*
 * Commands, one per line:
 *	r 1 | r 0		recovery on / off
 *	q N			fail after N more driver function entries (0: off)
 *	f FUNCTION OFFSET	fail when FUNCTION is entered for the (OFFSET+1)-th time
 *	p unload | p restart	recovery policy
 *	l N WINDOW_MS		at most N restart attempts per window
 *	b MS			back-off before retrying a failed restart attempt
 *	w REAL_MS SIM_MS	hang watchdog limits (0: off)
 * Returns 0, or -22 (-EINVAL) with a message in *error.
 */
int kr_control_write(const char *commands, const char **error);
/* The statistics as text (what reading /proc/krecover prints). Returns the length it wanted. */
size_t kr_control_read(char *buf, size_t len);
/* Watch a file: kr_poll() runs every line appended to it as a command. */
int kr_control_watch_file(const char *path);

/* ---- on the simulated machine (runtime-c/krecover/kr_machine.c) ---- */
/* Connect krecover to the shim: tracker compensation, API-misuse handler, tick hook.
 * Runs at start; call again after fgft_machine_reset(). */
int kr_machine_attach(void);
/* What a restart replays is recorded by itself (the shim's entry hooks): MTU, ring sizes, message
 * level, open state and rx mode of each net device, as last set without a failure. */
/* Frames the driver held when it failed are dropped, not sent: the hook reports each to the application
 * (the skb's fgft_id is cleared before it is freed, so the tx-free hook does not count it as sent). */
struct sk_buff;
typedef void (*kr_skb_drop_hook)(struct sk_buff *skb, void *arg);
void kr_set_skb_drop_hook(kr_skb_drop_hook hook, void *arg);
unsigned long kr_frames_dropped(void);

/* ---- compensation ---- */
/*
 * How to release one kind of tracked resource, declared once next to the
 * API that acquires it:
 *	KR_COMPENSATION(FGFT_RES_IRQ, kr_release_irq);
 * Entries land in the `kr_compensation` section; kr_machine.c looks the
 * release function up by resource type at recovery.
 */
struct fgft_resource;
struct kr_compensation {
	int type;		/* enum fgft_res_type */
	const char *name;
	void (*release)(struct fgft_resource *res);
};
#define KR_COMPENSATION(restype, fn)						\
	static const struct kr_compensation __kr_comp_##fn			\
	__attribute__((used, section("kr_compensation"), aligned(sizeof(void *)))) = \
		{ .type = (restype), .name = #fn, .release = (fn) }

#endif /* _LINUX_KRECOVER_H */
