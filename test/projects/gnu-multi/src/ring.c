// A descriptor ring like a NIC's: head/tail indices modulo RING_SLOTS.
#include "ring.h"

#include <string.h>

void ring_init(struct ring *r)
{
	memset(r, 0, sizeof(*r));
}

unsigned int ring_used(const struct ring *r)
{
	return (r->tail + RING_SLOTS - r->head) % RING_SLOTS;
}

int ring_push(struct ring *r, unsigned long long addr, unsigned short len)
{
	unsigned int next = (r->tail + 1) % RING_SLOTS;

	if (unlikely(next == r->head)) {
		r->dropped++;
		return -1;
	}
	r->desc[r->tail] = (struct ring_desc){ .addr = addr, .length = len, .status = 1 };
	r->tail = next;
	return 0;
}

int ring_pop(struct ring *r, struct ring_desc *out)
{
	if (r->head == r->tail)
		return -1;
	*out = r->desc[r->head];
	r->head = (r->head + 1) % RING_SLOTS;
	return 0;
}
