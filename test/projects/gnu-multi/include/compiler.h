/* GNU C helpers in the style of the kernel's compiler.h and minmax.h. */
#ifndef GNU_MULTI_COMPILER_H
#define GNU_MULTI_COMPILER_H

#include <stddef.h>

#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((aligned(x)))
#define __maybe_unused __attribute__((__unused__))
#define __must_check __attribute__((warn_unused_result))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Statement expressions with typeof: each argument evaluated once. */
#define min(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define swap(a, b) do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#define container_of(ptr, type, member) ({ \
	const typeof(((type *)0)->member) *__mptr = (ptr); \
	(type *)((char *)__mptr - offsetof(type, member)); })

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

static inline __attribute__((always_inline)) unsigned int rotl32(unsigned int v, int n)
{
	return (v << n) | (v >> (32 - n));
}

#endif
