/* linux/atomic.h: atomic_t on the single simulated CPU. */
#ifndef _FGFT_LINUX_ATOMIC_H
#define _FGFT_LINUX_ATOMIC_H

#include <linux/types.h>

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic64_t;

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(const atomic_t *v) { return v->counter; }
static inline void atomic_set(atomic_t *v, int i) { v->counter = i; }
static inline void atomic_add(int i, atomic_t *v) { v->counter += i; }
static inline void atomic_sub(int i, atomic_t *v) { v->counter -= i; }
static inline void atomic_inc(atomic_t *v) { v->counter++; }
static inline void atomic_dec(atomic_t *v) { v->counter--; }
static inline int atomic_add_return(int i, atomic_t *v) { return v->counter += i; }
static inline int atomic_sub_return(int i, atomic_t *v) { return v->counter -= i; }
static inline int atomic_inc_return(atomic_t *v) { return ++v->counter; }
static inline int atomic_dec_return(atomic_t *v) { return --v->counter; }
static inline int atomic_dec_and_test(atomic_t *v) { return --v->counter == 0; }
static inline int atomic_inc_and_test(atomic_t *v) { return ++v->counter == 0; }
static inline int atomic_xchg(atomic_t *v, int n)
{
	int old = v->counter;

	v->counter = n;
	return old;
}
static inline int atomic_cmpxchg(atomic_t *v, int old, int n)
{
	int cur = v->counter;

	if (cur == old)
		v->counter = n;
	return cur;
}
static inline long atomic64_read(const atomic64_t *v) { return v->counter; }
static inline void atomic64_set(atomic64_t *v, long i) { v->counter = i; }
static inline void atomic64_add(long i, atomic64_t *v) { v->counter += i; }
static inline void atomic64_inc(atomic64_t *v) { v->counter++; }


#endif
