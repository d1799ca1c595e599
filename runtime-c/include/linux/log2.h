#ifndef _FGFT_LINUX_LOG2_H
#define _FGFT_LINUX_LOG2_H

static inline int is_power_of_2(unsigned long n) { return n != 0 && (n & (n - 1)) == 0; }
static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	unsigned long p = 1;

	while (p < n)
		p <<= 1;
	return p;
}
static inline int ilog2(unsigned long n) { return n ? 63 - __builtin_clzl(n) : -1; }

#endif
