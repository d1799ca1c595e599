/* SPDX-License-Identifier: MIT */
/* krecover internals shared by the runtime's files. */
#ifndef _KR_INTERNAL_H
#define _KR_INTERNAL_H

#include <setjmp.h>
#include <linux/krecover.h>

#define KR_MAX_DEPTH 64

/* One stub's frame: where a failure jumps back to. */
struct kr_frame {
	sigjmp_buf env;
	const char *entry;
};

/* The per-thread stack of stubs currently inside the driver. */
struct kr_thread {
	struct kr_frame frames[KR_MAX_DEPTH];
	int depth;
	int failing;			/* a failure is unwinding: no new faults */
	enum kr_cause cause;		/* what the unwinding failure was */
	unsigned long entries;		/* outermost entries, for the watchdog */
	sigjmp_buf *guard;		/* compensation running: a processor fault jumps here (kr_machine.c) */
};

extern _Thread_local struct kr_thread kr_thread;
extern struct kr_settings kr_settings;
extern struct kr_stats kr_stats_data;
extern const struct kr_recovery_ops *kr_ops;
extern volatile int kr_state;	/* enum kr_driver_state */

/* kr_domain.c */
extern const void *kr_kept_object;	/* not to be released by this recovery */
_Noreturn void kr_unwind(enum kr_cause cause);
unsigned long long kr_time_ns(void);
unsigned long long kr_wall_ns(void);

/* kr_policy.c */
void kr_recover(enum kr_cause cause);
void kr_poll_restart(void);

/* kr_signals.c */
int kr_signals_install(void);
void kr_signals_remove(void);

/* kr_watchdog.c */
int kr_watchdog_start(void);
void kr_watchdog_stop(void);
void kr_watchdog_sim_check(void);
/* kr_machine.c: busy-wait in simulated time (udelay) for `i stall`. */
extern void (*kr_stall_injector)(void);

/* kr_inject.c: what `f` / `i CAUSE` do when the probe hits */
enum kr_inject {
	KR_INJECT_FAIL,		/* `f`: fail directly (cause probe) */
	KR_INJECT_SEGV,
	KR_INJECT_BUS,
	KR_INJECT_FPE,
	KR_INJECT_ILL,
	KR_INJECT_HANG,
	KR_INJECT_CHECK,
	KR_INJECT_MISUSE,
	KR_INJECT_STALL,	/* endless udelay loop: a hang in simulated time */
	KR_INJECT_DOUBLEFREE,	/* kfree the same object twice */
	KR_INJECT_SLEEP,	/* msleep where sleeping is not allowed (use it in an interrupt handler) */
	KR_INJECT_UNLOCK,	/* spin_unlock of a lock nobody holds */
	KR_INJECT_COUNT
};
int kr_inject_parse(const char *name);
const char *kr_inject_name(enum kr_inject what);
void kr_inject(enum kr_inject what, const char *function);
/* Set by kr_machine.c: commit a kernel-API misuse through the shim. */
extern void (*kr_misuse_injector)(enum kr_inject what);

/* kr_checks.c */
void kr_checks_attach(void);
/* `q N`: fail the driver at its N-th executed run-time check from now (0: off). */
void kr_checks_set_quota(unsigned long n);
unsigned long kr_checks_quota_remaining(void);

/* kr_control.c */
void kr_control_poll_file(void);
void kr_probe_reset(void);

#endif
