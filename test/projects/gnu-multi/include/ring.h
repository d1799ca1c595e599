#ifndef GNU_MULTI_RING_H
#define GNU_MULTI_RING_H

#include "compiler.h"

#ifndef RING_SLOTS
#error "RING_SLOTS must be defined"
#endif

struct ring_desc {
	unsigned long long addr;
	unsigned short length;
	unsigned char status;
	unsigned char flags;
} __packed;

struct ring {
	struct ring_desc desc[RING_SLOTS] __aligned(16);
	unsigned int head, tail;
	unsigned int dropped;
};

void ring_init(struct ring *r);
int __must_check ring_push(struct ring *r, unsigned long long addr, unsigned short len);
int ring_pop(struct ring *r, struct ring_desc *out);
unsigned int ring_used(const struct ring *r);

#endif
