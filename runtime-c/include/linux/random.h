/* linux/random.h: deterministic (seeded by the harness) random numbers. */
#ifndef _FGFT_LINUX_RANDOM_H
#define _FGFT_LINUX_RANDOM_H

#include <linux/types.h>

u32 get_random_u32(void);
void get_random_bytes(void *buf, size_t nbytes);

#endif
