// SPDX-License-Identifier: MIT
/*
 * kr_policy.c - what happens after a failure: compensation, then unload
 * (SafeDrive) or restart (Nooks, MINIX 3), with a limit on restarts per
 * time window after which the driver stays disabled.
 */
#include <stdio.h>
#include <string.h>
#include "kr_internal.h"

#define KR_RESTART_HISTORY 64

static const struct kr_settings kr_default_settings = {
	.recovery = 0,
	.policy = KR_POLICY_UNLOAD,
	.max_restarts = 3,
	.window_ns = 10ull * 1000000000ull,
	.hang_real_ms = 2000,
	.hang_sim_ns = 0,
	.restart_backoff_ns = 10ull * 1000000ull,
};

struct kr_settings kr_settings = {
	.recovery = 0,
	.policy = KR_POLICY_UNLOAD,
	.max_restarts = 3,
	.window_ns = 10ull * 1000000000ull,
	.hang_real_ms = 2000,
	.hang_sim_ns = 0,
	.restart_backoff_ns = 10ull * 1000000ull,
};
struct kr_stats kr_stats_data;
const struct kr_recovery_ops *kr_ops;
volatile int kr_state = KR_DRIVER_LOADED;
/* Queued work cancelled at the failure (kr_recover), counted with the release that follows, and the wall time
 * that took (part of the release's). */
static unsigned long kr_stopped;
static unsigned long long kr_stop_wall_ns;

/* When the recent restart attempts happened (failed ones too), for the per-window limit. */
static unsigned long long kr_restart_times[KR_RESTART_HISTORY];
static unsigned int kr_restart_next;
/* The pending restart runs at the first kr_poll() at or after this time (back-off after a failed attempt). */
static unsigned long long kr_restart_due_ns;
static unsigned int kr_failed_attempts;	/* consecutive failed attempts: the back-off doubles with each */
/* Recovery work (release, restart) is running: a failure now belongs to it, and kr_poll() does not nest. */
static int kr_restarting;
static int kr_recovery_busy;

static const char *const kr_policy_names[] = {
	[KR_POLICY_UNLOAD] = "unload",
	[KR_POLICY_RESTART] = "restart",
};

const char *kr_policy_name(enum kr_policy policy)
{
	return policy == KR_POLICY_RESTART ? kr_policy_names[1] : kr_policy_names[0];
}

void kr_get_settings(struct kr_settings *out)
{
	*out = kr_settings;
}

void kr_set_settings(const struct kr_settings *in)
{
	kr_settings = *in;
	if (kr_settings.recovery) {
		kr_checks_attach();
		kr_signals_install();
		kr_watchdog_start();
	}
}

enum kr_driver_state kr_driver_state(void)
{
	return (enum kr_driver_state)kr_state;
}

void kr_set_recovery_ops(const struct kr_recovery_ops *ops)
{
	kr_ops = ops;
}

const struct kr_stats *kr_get_stats(void)
{
	return &kr_stats_data;
}

void kr_reset(void)
{
	kr_watchdog_stop();
	kr_settings = kr_default_settings;
	memset(&kr_stats_data, 0, sizeof(kr_stats_data));
	memset(kr_restart_times, 0, sizeof(kr_restart_times));
	kr_restart_next = 0;
	kr_restart_due_ns = 0;
	kr_failed_attempts = 0;
	kr_restarting = 0;
	kr_recovery_busy = 0;
	kr_stopped = 0;
	kr_stop_wall_ns = 0;
	kr_state = KR_DRIVER_LOADED;
	kr_probe_reset();
}

static unsigned int kr_restarts_in_window(unsigned long long now)
{
	unsigned int i, n = 0;

	for (i = 0; i < KR_RESTART_HISTORY; i++) {
		unsigned long long t = kr_restart_times[i];

		if (t && now + 1 - t < kr_settings.window_ns)
			n++;
	}
	return n;
}

static unsigned long kr_released_last;

static void kr_release(void)
{
	unsigned long released = kr_stopped;

	kr_stopped = 0;
	if (kr_ops && kr_ops->release_all)
		released += kr_ops->release_all();
	kr_released_last = released;
	kr_stats_data.resources_released += released;
	if (kr_ops && kr_ops->unload)
		kr_ops->unload();
}

/*
 * Runs in the outermost stub, after the failure unwound the driver.  From
 * here on every entry into the driver is refused; the release itself waits
 * for the next kr_poll(), after the kernel code that called the driver has
 * finished with the objects it passed in (a NAPI instance, an skb), as
 * Nooks' recovery manager runs apart from the failed call.
 */
void kr_recover(enum kr_cause cause)
{
	kr_state = KR_DRIVER_RECOVERING;
	kr_stats_data.recoveries++;
	if (kr_restarting) {
		/* The restart itself ran into the failure (probe, open, replay): kr_poll_restart abandons the attempt. */
		kr_stats_data.recovery_faults++;
		fprintf(stderr, "krecover: driver failed (%s) while being restarted: attempt abandoned\n",
			kr_cause_name(cause));
		return;
	}
	/* Queued work would run (refused) before the next kr_poll(); cancelling it touches nothing the caller uses. */
	if (kr_ops && kr_ops->stop_deferred) {
		unsigned long long start = kr_wall_ns();

		kr_stopped += kr_ops->stop_deferred();
		kr_stop_wall_ns += kr_wall_ns() - start;
	}
	if (kr_settings.policy == KR_POLICY_UNLOAD)
		kr_settings.recovery = 0; /* SafeDrive: recovery turns itself off after a failure */
	fprintf(stderr, "krecover: driver failed (%s): %s scheduled\n", kr_cause_name(cause),
		kr_policy_name(kr_settings.policy));
}

/* Schedule the next restart attempt, `delay_ns` from now, or disable the driver once the window is used up. */
static void kr_schedule_restart(unsigned long long delay_ns)
{
	unsigned long long now = kr_time_ns();

	if (kr_restarts_in_window(now) < kr_settings.max_restarts) {
		kr_restart_due_ns = now + delay_ns;
		kr_state = KR_DRIVER_RESTART_PENDING;
		if (delay_ns && kr_ops && kr_ops->wake_at)
			kr_ops->wake_at(kr_restart_due_ns);
		return;
	}
	kr_state = KR_DRIVER_DISABLED;
	kr_stats_data.disables++;
	fprintf(stderr, "krecover: %u restart attempts within the window: driver disabled\n", kr_settings.max_restarts);
}

/* Release everything the failed driver held, then unload it or schedule its restart. */
static void kr_poll_release(void)
{
	unsigned long long start = kr_wall_ns();

	kr_release();
	kr_kept_object = NULL;
	if (kr_settings.policy == KR_POLICY_RESTART) {
		kr_failed_attempts = 0;
		kr_schedule_restart(0);
	} else {
		kr_state = KR_DRIVER_UNLOADED;
		kr_stats_data.unloads++;
	}
	kr_stats_data.release_wall_ns_last = kr_wall_ns() - start + kr_stop_wall_ns;
	kr_stop_wall_ns = 0;
	kr_stats_data.restart_wall_ns_last = 0;
	kr_stats_data.recovery_wall_ns_last = kr_stats_data.release_wall_ns_last;
	kr_stats_data.recovery_wall_ns_total += kr_stats_data.recovery_wall_ns_last;
	fprintf(stderr, "krecover: released %lu resources (%lu so far); driver %s\n", kr_released_last,
		kr_stats_data.resources_released, kr_state == KR_DRIVER_UNLOADED ? "unloaded" :
		kr_state == KR_DRIVER_DISABLED ? "disabled" : "to be restarted");
}

static unsigned long long kr_backoff_ns(unsigned int failed)
{
	unsigned long long d = kr_settings.restart_backoff_ns;

	while (failed-- > 1 && d < KR_RESTART_BACKOFF_MAX_NS)
		d *= 2;
	return d < KR_RESTART_BACKOFF_MAX_NS ? d : KR_RESTART_BACKOFF_MAX_NS;
}

/*
 * A restart attempt failed (an error from probe/open/replay, or the driver failed again while being
 * brought back): give back what the attempt acquired, with the driver refusing entry so that no
 * compensation runs driver code, then retry after a back-off or disable the driver (Nooks, MINIX 3).
 */
static void kr_abandon_restart(int rc)
{
	kr_state = KR_DRIVER_RECOVERING;
	kr_stats_data.restart_failures++;
	kr_failed_attempts++;
	kr_release();
	kr_kept_object = NULL;
	kr_schedule_restart(kr_backoff_ns(kr_failed_attempts));
	if (kr_state == KR_DRIVER_RESTART_PENDING) {
		kr_stats_data.restart_retries++;
		fprintf(stderr, "krecover: restart failed (%d): released %lu resources, retry in %llu ms\n", rc,
			kr_released_last, kr_backoff_ns(kr_failed_attempts) / 1000000ull);
	} else {
		fprintf(stderr, "krecover: restart failed (%d): released %lu resources; driver disabled\n", rc,
			kr_released_last);
	}
}

/* A pending restart runs outside the driver, from kr_poll(), once its back-off has passed. */
void kr_poll_restart(void)
{
	unsigned long long start, now;
	int rc = 0;

	if (kr_state != KR_DRIVER_RESTART_PENDING || kr_thread.depth != 0)
		return;
	now = kr_time_ns();
	if (now < kr_restart_due_ns)
		return;
	start = kr_wall_ns();
	/* +1: a zero entry means unused. Every attempt counts against the limit, failed or not. */
	kr_restart_times[kr_restart_next++ % KR_RESTART_HISTORY] = now + 1;
	kr_state = KR_DRIVER_LOADED; /* the restart calls the driver's probe and open */
	kr_restarting = 1;
	if (kr_ops && kr_ops->restart)
		rc = kr_ops->restart();
	kr_restarting = 0;
	if (!rc && kr_state != KR_DRIVER_LOADED)
		rc = -5; /* -EIO: the driver failed while being brought back */
	if (rc) {
		kr_stop_wall_ns = 0; /* it ran inside the restart, timed below */
		kr_abandon_restart(rc);
	} else {
		kr_failed_attempts = 0;
		kr_stats_data.restarts++;
		kr_stats_data.last_restart_time_ns = kr_time_ns();
	}
	kr_stats_data.restart_wall_ns_last = kr_wall_ns() - start;
	kr_stats_data.recovery_wall_ns_last += kr_stats_data.restart_wall_ns_last;
	kr_stats_data.recovery_wall_ns_total += kr_stats_data.restart_wall_ns_last;
}

void kr_poll(void)
{
	/* Called from inside the driver too (a tick during udelay): only the watchdog runs then. */
	kr_watchdog_sim_check();
	if (kr_thread.depth != 0)
		return;
	kr_control_poll_file();
	if (kr_recovery_busy)
		return; /* a tick inside the release or restart itself */
	kr_recovery_busy = 1;
	if (kr_state == KR_DRIVER_RECOVERING)
		kr_poll_release();
	else
		kr_poll_restart();
	kr_recovery_busy = 0;
}
