/* linux/compiler.h for the fgft user-space machine: sparse/annotation markers expand to nothing. */
#ifndef _FGFT_LINUX_COMPILER_H
#define _FGFT_LINUX_COMPILER_H

#include <features.h> /* glibc defines some of these names (__always_inline) first */

#define __iomem
#define __user
#define __kernel
#define __force
#define __bitwise
#define __rcu
#define __percpu
#define __must_check
#define __cold
#define __init
#define __exit
#define __devinit
#define __devexit
#define __initdata
#define __exitdata
#define __read_mostly
#define __always_unused
#define __maybe_unused
#ifndef __always_inline
#define __always_inline inline
#endif
#define noinline
#ifndef __packed
#define __packed __attribute__((packed))
#endif
#define __aligned(x) __attribute__((aligned(x)))

#define likely(x) (x)
#define unlikely(x) (x)

#define barrier() __asm__ __volatile__("" : : : "memory")
#include <asm/barrier.h>

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#endif
