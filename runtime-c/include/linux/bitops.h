/* linux/bitops.h: atomic bit operations (the machine runs one CPU, so plain read-modify-write is atomic). */
#ifndef _FGFT_LINUX_BITOPS_H
#define _FGFT_LINUX_BITOPS_H

#include <linux/bits.h>

static inline void set_bit(long nr, volatile unsigned long *addr) { addr[BIT_WORD(nr)] |= BIT_MASK(nr); }
static inline void clear_bit(long nr, volatile unsigned long *addr) { addr[BIT_WORD(nr)] &= ~BIT_MASK(nr); }
static inline void change_bit(long nr, volatile unsigned long *addr) { addr[BIT_WORD(nr)] ^= BIT_MASK(nr); }
static inline int test_bit(long nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] & BIT_MASK(nr)) != 0;
}
static inline int test_and_set_bit(long nr, volatile unsigned long *addr)
{
	int old = test_bit(nr, addr);

	set_bit(nr, addr);
	return old;
}
static inline int test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	int old = test_bit(nr, addr);

	clear_bit(nr, addr);
	return old;
}
#define __set_bit set_bit
#define __clear_bit clear_bit
#define clear_bit_unlock clear_bit
static inline int hweight32(unsigned int w) { return __builtin_popcount(w); }
static inline unsigned long __ffs(unsigned long w) { return (unsigned long)__builtin_ctzl(w); }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }

#endif
