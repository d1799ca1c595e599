/* linux/delay.h: delays advance the simulated clock; the device model keeps running meanwhile. */
#ifndef _FGFT_LINUX_DELAY_H
#define _FGFT_LINUX_DELAY_H

void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void fsleep(unsigned long usecs);

#endif
