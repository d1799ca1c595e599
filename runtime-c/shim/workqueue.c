/* Work items: a FIFO run from the scheduler in process context (delayed work arms an internal timer). */
#include <linux/workqueue.h>
#include <linux/kernel.h>
#include "internal.h"

static struct work_struct *queue_head, *queue_tail;
static struct workqueue_struct {
	int unused;
} the_wq;
struct workqueue_struct *system_wq = &the_wq;

void fgft_work_reset(void)
{
	queue_head = queue_tail = NULL;
}

void fgft_init_work(struct work_struct *work, work_func_t func)
{
	work->func = func;
	work->pending = 0;
	work->fgft_next = NULL;
	work->fgft_owner = fgft_current_owner();
}

static void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = container_of(t, struct delayed_work, timer);

	schedule_work(&dwork->work);
}

void fgft_init_delayed_work(struct delayed_work *dwork, work_func_t func)
{
	fgft_init_work(&dwork->work, func);
	timer_setup(&dwork->timer, delayed_work_timer_fn, 0);
}

int schedule_work(struct work_struct *work)
{
	if (!fgft_policy_allow(FGFT_API_WORK, "schedule_work"))
		return 0;
	if (!work->func) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "schedule_work(%p): work was never initialised", (void *)work);
		return 0;
	}
	if (work->pending)
		return 0;
	work->pending = 1;
	work->fgft_next = NULL;
	if (fgft_current_owner())
		work->fgft_owner = fgft_current_owner();
	if (queue_tail)
		queue_tail->fgft_next = work;
	else
		queue_head = work;
	queue_tail = work;
	fgft_track_add(FGFT_RES_WORK, work, 0);
	return 1;
}

int queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	(void)wq;
	return schedule_work(work);
}

int schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	if (dwork->work.pending || dwork->timer.pending)
		return 0;
	if (delay == 0)
		return schedule_work(&dwork->work);
	mod_timer(&dwork->timer, jiffies + delay);
	return 1;
}

int queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	(void)wq;
	return schedule_delayed_work(dwork, delay);
}

static int unqueue(struct work_struct *work)
{
	struct work_struct **pp, *prev = NULL;

	for (pp = &queue_head; *pp; prev = *pp, pp = &(*pp)->fgft_next) {
		if (*pp == work) {
			*pp = work->fgft_next;
			if (queue_tail == work)
				queue_tail = prev;
			work->fgft_next = NULL;
			work->pending = 0;
			fgft_track_remove(FGFT_RES_WORK, work);
			return 1;
		}
	}
	return 0;
}

int cancel_work(struct work_struct *work) { return unqueue(work); }

int cancel_work_sync(struct work_struct *work)
{
	fgft_check_may_sleep("cancel_work_sync");
	return unqueue(work);
}

int cancel_delayed_work(struct delayed_work *dwork)
{
	int t = del_timer(&dwork->timer);

	return unqueue(&dwork->work) || t;
}

int cancel_delayed_work_sync(struct delayed_work *dwork)
{
	fgft_check_may_sleep("cancel_delayed_work_sync");
	return cancel_delayed_work(dwork);
}

static void run_one(struct work_struct *work)
{
	struct fgft_entry_state saved;

	unqueue(work);
	saved = fgft_entry_begin(work->fgft_owner, FGFT_CTX_PROCESS, "work");
	work->func(work);
	fgft_entry_end(saved);
}

int flush_work(struct work_struct *work)
{
	if (!work->pending)
		return 0;
	run_one(work);
	return 1;
}

int work_pending(const struct work_struct *work) { return work->pending; }
int delayed_work_pending(const struct delayed_work *dwork) { return dwork->work.pending || dwork->timer.pending; }

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	(void)fmt; (void)flags; (void)max_active;
	return &the_wq;
}

void destroy_workqueue(struct workqueue_struct *wq) { (void)wq; }

void flush_workqueue(struct workqueue_struct *wq)
{
	(void)wq;
	while (queue_head)
		run_one(queue_head);
}

int fgft_work_run_pending(void)
{
	int ran = 0;

	while (queue_head && ran < 64) {
		run_one(queue_head);
		ran++;
	}
	return ran;
}
