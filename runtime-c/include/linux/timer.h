/* linux/timer.h: timers fire from the harness scheduler at their simulated expiry (softirq context). */
#ifndef _FGFT_LINUX_TIMER_H
#define _FGFT_LINUX_TIMER_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/container_of.h>

struct timer_list {
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	/* shim bookkeeping */
	int pending;
	u64 fgft_seq;
	void *fgft_owner;
	struct timer_list *fgft_next;
};

#define TIMER_DEFERRABLE 0x00080000
#define TIMER_IRQSAFE 0x00200000

void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)
#define timer_container_of from_timer

#endif
