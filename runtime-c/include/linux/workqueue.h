/* linux/workqueue.h: work items run from the harness scheduler in process context. */
#ifndef _FGFT_LINUX_WORKQUEUE_H
#define _FGFT_LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
	int pending;
	void *fgft_owner;
	struct work_struct *fgft_next;
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
};

struct workqueue_struct;

void fgft_init_work(struct work_struct *work, work_func_t func);
void fgft_init_delayed_work(struct delayed_work *dwork, work_func_t func);
#define INIT_WORK(work, func) fgft_init_work(work, func)
#define INIT_DELAYED_WORK(dwork, func) fgft_init_delayed_work(dwork, func)

int schedule_work(struct work_struct *work);
int schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
int queue_work(struct workqueue_struct *wq, struct work_struct *work);
int queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
int cancel_work_sync(struct work_struct *work);
int cancel_work(struct work_struct *work);
int cancel_delayed_work(struct delayed_work *dwork);
int cancel_delayed_work_sync(struct delayed_work *dwork);
int flush_work(struct work_struct *work);
int work_pending(const struct work_struct *work);
int delayed_work_pending(const struct delayed_work *dwork);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
void destroy_workqueue(struct workqueue_struct *wq);
void flush_workqueue(struct workqueue_struct *wq);

#define create_singlethread_workqueue(name) alloc_workqueue("%s", 0, 1, (name))
#define to_delayed_work(w) container_of(w, struct delayed_work, work)

extern struct workqueue_struct *system_wq;

#endif
