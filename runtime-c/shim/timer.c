/* Kernel timers: a list of armed timers; due ones run from the scheduler in softirq context. */
#include <stdint.h>
#include <linux/timer.h>
#include "internal.h"

static struct timer_list *armed;

void fgft_timer_reset(void)
{
	armed = NULL;
}

static int unlink_timer(struct timer_list *t)
{
	struct timer_list **pp;

	for (pp = &armed; *pp; pp = &(*pp)->fgft_next) {
		if (*pp == t) {
			*pp = t->fgft_next;
			t->fgft_next = NULL;
			t->pending = 0;
			fgft_track_remove(FGFT_RES_TIMER, t);
			return 1;
		}
	}
	return 0;
}

void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *), unsigned int flags)
{
	timer->function = callback;
	timer->flags = flags;
	timer->expires = 0;
	timer->pending = 0;
	timer->fgft_next = NULL;
	timer->fgft_owner = fgft_current_owner();
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	int was_pending;

	if (!fgft_policy_allow(FGFT_API_TIMER, "mod_timer"))
		return 0;
	if (!timer->function) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "mod_timer(%p): timer was never set up", (void *)timer);
		return 0;
	}
	was_pending = unlink_timer(timer);
	timer->expires = expires;
	timer->pending = 1;
	if (fgft_current_owner())
		timer->fgft_owner = fgft_current_owner();
	timer->fgft_next = armed;
	armed = timer;
	fgft_track_add(FGFT_RES_TIMER, timer, expires);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer) { return unlink_timer(timer); }
int del_timer_sync(struct timer_list *timer) { return unlink_timer(timer); }
int timer_delete(struct timer_list *timer) { return unlink_timer(timer); }
int timer_delete_sync(struct timer_list *timer) { return unlink_timer(timer); }
int timer_pending(const struct timer_list *timer) { return timer->pending; }

int timer_shutdown_sync(struct timer_list *timer)
{
	int r = unlink_timer(timer);

	timer->function = NULL;
	return r;
}

int fgft_timer_run_due(void)
{
	int ran = 0;

	for (;;) {
		struct timer_list *t, *due = NULL;
		struct fgft_entry_state saved;

		for (t = armed; t; t = t->fgft_next)
			if (time_after_eq(jiffies, t->expires) && (!due || time_before(t->expires, due->expires)))
				due = t;
		if (!due || ran >= 64)
			return ran;
		unlink_timer(due);
		saved = fgft_entry_begin(due->fgft_owner, FGFT_CTX_SOFTIRQ, "timer");
		due->function(due);
		fgft_entry_end(saved);
		ran++;
	}
}

u64 fgft_timer_next_ns(void)
{
	struct timer_list *t;
	u64 next = UINT64_MAX;

	for (t = armed; t; t = t->fgft_next) {
		u64 when = time_after_eq(jiffies, t->expires) ? fgft_now_ns() : (u64)t->expires * FGFT_NS_PER_JIFFY;

		if (when < next)
			next = when;
	}
	return next;
}
