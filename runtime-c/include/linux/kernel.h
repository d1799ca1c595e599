/* linux/kernel.h: common helpers. Macros avoid GNU statement expressions so fgftc can parse their uses. */
#ifndef _FGFT_LINUX_KERNEL_H
#define _FGFT_LINUX_KERNEL_H

#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/byteorder.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/container_of.h>
#include <linux/minmax.h>
#include <linux/log2.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))
#define upper_32_bits(n) ((u32)(((u64)(n)) >> 32))
#define lower_32_bits(n) ((u32)((u64)(n) & 0xffffffffu))
#define U8_MAX 0xffu
#define U16_MAX 0xffffu
#define U32_MAX 0xffffffffu
#define S32_MAX 0x7fffffff

/* Sleeping is only legal in process context; the shim reports a violation otherwise. */
void fgft_might_sleep(const char *what);
#define might_sleep() fgft_might_sleep(__func__)
#define cond_resched() fgft_might_sleep(__func__)
#define cpu_relax() barrier()

int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);

#endif
