// SPDX-License-Identifier: MIT
/*
 * kr_watchdog.c - hangs.  Two clocks:
 *  - real time: a watchdog thread samples the driver thread; if the same
 *    outermost driver call has lasted hang_real_ms, it signals that thread,
 *    whose handler turns the hang into a failure;
 *  - simulated time: the machine's clock calls kr_watchdog_sim_check() (a
 *    periodic device-time event, which also runs while the driver spins in
 *    udelay, and every scheduler tick).
 * No clock is read on the hot path: both compare a per-thread count of
 * outermost entries between samples.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "kr_internal.h"

static pthread_t kr_wd_thread;
static pthread_t kr_wd_target;
static struct kr_thread *kr_wd_target_state;
static volatile int kr_wd_running;

static int kr_hang_signal(void)
{
	return SIGRTMIN + 3;
}

static void kr_on_hang_signal(int signo)
{
	(void)signo;
	if (kr_thread.depth > 0 && !kr_thread.failing && kr_settings.recovery)
		kr_unwind(KR_CAUSE_HANG);
}

static void kr_sleep_ms(unsigned long long ms)
{
	struct timespec ts = { .tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static void *kr_watchdog_main(void *arg)
{
	unsigned long last_entries = 0;
	unsigned long long stuck_ms = 0;

	(void)arg;
	while (__atomic_load_n(&kr_wd_running, __ATOMIC_ACQUIRE)) {
		unsigned long long limit = kr_settings.hang_real_ms;
		unsigned long long period = limit / 4 ? limit / 4 : 1;
		int depth = __atomic_load_n(&kr_wd_target_state->depth, __ATOMIC_RELAXED);
		unsigned long entries = __atomic_load_n(&kr_wd_target_state->entries, __ATOMIC_RELAXED);

		if (limit == 0 || depth == 0 || entries != last_entries) {
			stuck_ms = 0;
		} else {
			stuck_ms += period;
			if (stuck_ms >= limit) {
				pthread_kill(kr_wd_target, kr_hang_signal());
				stuck_ms = 0;
			}
		}
		last_entries = entries;
		kr_sleep_ms(limit ? period : 50);
	}
	return NULL;
}

/* Watch the calling thread (the one that turned recovery on). */
int kr_watchdog_start(void)
{
	struct sigaction sa;

	if (kr_wd_running)
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = kr_on_hang_signal;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	if (sigaction(kr_hang_signal(), &sa, NULL))
		return -1;
	kr_wd_target = pthread_self();
	kr_wd_target_state = &kr_thread;
	kr_wd_running = 1;
	if (pthread_create(&kr_wd_thread, NULL, kr_watchdog_main, NULL)) {
		kr_wd_running = 0;
		return -1;
	}
	return 0;
}

void kr_watchdog_stop(void)
{
	if (!kr_wd_running)
		return;
	__atomic_store_n(&kr_wd_running, 0, __ATOMIC_RELEASE);
	pthread_join(kr_wd_thread, NULL);
}

/*
 * Simulated time: called from the machine's clock (a periodic event, and
 * every scheduler tick).  The same outermost driver call still running
 * hang_sim_ns after it was first seen is a hang.
 */
void kr_watchdog_sim_check(void)
{
	static unsigned long seen_entries;
	static unsigned long long seen_at;
	struct kr_thread *t = &kr_thread;
	unsigned long long now;

	if (!kr_settings.hang_sim_ns || !kr_ops || !kr_ops->now_ns)
		return;
	now = kr_ops->now_ns();
	if (t->depth == 0 || t->entries != seen_entries) {
		seen_entries = t->entries;
		seen_at = now;
		return;
	}
	if (now - seen_at >= kr_settings.hang_sim_ns)
		kr_fault(KR_CAUSE_HANG, "simulated-time watchdog");
}
