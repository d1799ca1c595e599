#ifndef _FGFT_LINUX_SCHED_H
#define _FGFT_LINUX_SCHED_H

#include <linux/types.h>
#include <linux/jiffies.h>

#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define MAX_SCHEDULE_TIMEOUT ((long)(~0UL >> 1))

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
int signal_pending(void *task);
#define current ((void *)0)

#endif
