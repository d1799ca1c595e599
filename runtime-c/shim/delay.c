/* Delays advance simulated time; device-model events keep running, kernel callbacks wait for the scheduler. */
#include <linux/delay.h>
#include <linux/sched.h>
#include "internal.h"

void ndelay(unsigned long nsecs) { fgft_advance_ns(nsecs); }
void udelay(unsigned long usecs) { fgft_advance_ns((u64)usecs * 1000); }
void mdelay(unsigned long msecs) { fgft_advance_ns((u64)msecs * 1000000); }

void msleep(unsigned int msecs)
{
	if (fgft_check_may_sleep("msleep"))
		fgft_advance_ns((u64)msecs * 1000000);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	msleep(msecs);
	return 0;
}

void usleep_range(unsigned long min, unsigned long max)
{
	if (fgft_check_may_sleep("usleep_range"))
		fgft_advance_ns((u64)(min + (max - min) / 2) * 1000);
}

void fsleep(unsigned long usecs)
{
	usleep_range(usecs, usecs);
}

void schedule(void)
{
	fgft_check_may_sleep("schedule");
}

long schedule_timeout(long timeout)
{
	if (fgft_check_may_sleep("schedule_timeout") && timeout > 0 && timeout != MAX_SCHEDULE_TIMEOUT)
		fgft_advance_ns((u64)timeout * FGFT_NS_PER_JIFFY);
	return 0;
}

long schedule_timeout_interruptible(long timeout) { return schedule_timeout(timeout); }
long schedule_timeout_uninterruptible(long timeout) { return schedule_timeout(timeout); }
int signal_pending(void *task) { (void)task; return 0; }
