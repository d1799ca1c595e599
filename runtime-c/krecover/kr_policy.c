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
};

struct kr_settings kr_settings = {
	.recovery = 0,
	.policy = KR_POLICY_UNLOAD,
	.max_restarts = 3,
	.window_ns = 10ull * 1000000000ull,
	.hang_real_ms = 2000,
	.hang_sim_ns = 0,
};
struct kr_stats kr_stats_data;
const struct kr_recovery_ops *kr_ops;
volatile int kr_state = KR_DRIVER_LOADED;
/* Queued work cancelled at the failure (kr_recover), counted with the release that follows, and the wall time
 * that took (part of the release's). */
static unsigned long kr_stopped;
static unsigned long long kr_stop_wall_ns;

/* When the recent restarts happened, for the per-window limit. */
static unsigned long long kr_restart_times[KR_RESTART_HISTORY];
static unsigned int kr_restart_next;

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

/* Release everything the failed driver held, then unload it or schedule its restart. */
static void kr_poll_release(void)
{
	unsigned long long start = kr_wall_ns();

	kr_release();
	kr_kept_object = NULL;
	if (kr_settings.policy == KR_POLICY_RESTART) {
		if (kr_restarts_in_window(kr_time_ns()) < kr_settings.max_restarts) {
			kr_state = KR_DRIVER_RESTART_PENDING;
		} else {
			kr_state = KR_DRIVER_DISABLED;
			fprintf(stderr, "krecover: %u restarts within the window: driver disabled\n",
				kr_settings.max_restarts);
		}
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

/* A pending restart runs outside the driver, from kr_poll(). */
void kr_poll_restart(void)
{
	unsigned long long start;
	int rc = 0;

	if (kr_state != KR_DRIVER_RESTART_PENDING || kr_thread.depth != 0)
		return;
	start = kr_wall_ns();
	kr_state = KR_DRIVER_LOADED; /* the restart calls the driver's probe and open */
	if (kr_ops && kr_ops->restart)
		rc = kr_ops->restart();
	if (rc) {
		kr_stats_data.restart_failures++;
		kr_stop_wall_ns = 0; /* it ran inside the restart, timed below */
		kr_release();
		kr_state = KR_DRIVER_DISABLED;
		fprintf(stderr, "krecover: restart failed (%d): driver disabled\n", rc);
	} else {
		kr_stats_data.restarts++;
		kr_stats_data.last_restart_time_ns = kr_time_ns();
		/* +1: a zero entry means unused. */
		kr_restart_times[kr_restart_next++ % KR_RESTART_HISTORY] = kr_stats_data.last_restart_time_ns + 1;
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
	if (kr_state == KR_DRIVER_RECOVERING)
		kr_poll_release();
	else
		kr_poll_restart();
}
