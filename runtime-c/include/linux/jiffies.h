/* linux/jiffies.h: jiffies follow the simulated clock (HZ = 1000). */
#ifndef _FGFT_LINUX_JIFFIES_H
#define _FGFT_LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ 1000
#define MAX_JIFFY_OFFSET ((long)(~0UL >> 1) - 1)

extern volatile unsigned long jiffies;
extern volatile u64 jiffies_64;

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)

static inline unsigned long msecs_to_jiffies(unsigned int m) { return m; }
static inline unsigned long usecs_to_jiffies(unsigned int u) { return (u + 999) / 1000; }
static inline unsigned int jiffies_to_msecs(unsigned long j) { return (unsigned int)j; }
static inline unsigned int jiffies_to_usecs(unsigned long j) { return (unsigned int)(j * 1000); }
static inline unsigned long round_jiffies(unsigned long j) { return j; }
static inline unsigned long round_jiffies_relative(unsigned long j) { return j; }
static inline unsigned long round_jiffies_up(unsigned long j) { return j; }

#endif
