// SPDX-License-Identifier: MIT
/*
 * bounds-ringbuf.c - a bounds-heavy workload for fgftc's check optimizer:
 * frames are built into annotated packet buffers, parsed (header fields,
 * checksum), and their words pushed through an annotated ring buffer, the
 * way a NIC driver's receive path moves data. Prints a digest so that the
 * checked and unchecked builds can be compared for equal results.
 */
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>

#define RING_SLOTS	1024u
#define FRAME_MAX	256u
#define ETH_HLEN	14u

/* kfifo-style: head and tail run freely, slots are indexed modulo the size. */
struct ring {
	unsigned int head;
	unsigned int tail;
	unsigned short mask;		/* size - 1, size a power of two */
	unsigned short *slots COUNT(mask + 1);
};

struct frame {
	unsigned int cap;		/* bytes in data */
	unsigned int len;		/* bytes in use, <= cap */
	unsigned char *data COUNT(cap);
};

struct frame_info {
	unsigned int type;
	unsigned int src;
	unsigned int sum;
	unsigned int options;
};

static int ring_push(struct ring *NONNULL r, unsigned short v)
{
	if (r->head - r->tail > r->mask)
		return -1;
	r->slots[r->head & r->mask] = v;
	r->head++;
	return 0;
}

static int ring_pop(struct ring *NONNULL r, unsigned short *NONNULL v)
{
	if (r->tail == r->head)
		return -1;
	*v = r->slots[r->tail & r->mask];
	r->tail++;
	return 0;
}

static void frame_fill(struct frame *NONNULL f, unsigned int seed)
{
	for (unsigned int i = 0; i < f->len; i++)
		f->data[i] = (unsigned char)(seed * 31u + i * 7u);
}

static unsigned long frame_enqueue(struct ring *r, const unsigned char *COUNT(len) p, unsigned int len)
{
	unsigned long digest = 0;
	unsigned short w;

	for (unsigned int i = 0; i < len; i++) {
		if (ring_push(r, p[i]) && !ring_pop(r, &w))
			digest += w;
	}
	return digest;
}

static unsigned int frame_sum(const unsigned char *COUNT(len) p, unsigned int len)
{
	unsigned int s = 0;

	for (unsigned int i = 0; i < len; i++)
		s += p[i];
	return s;
}

/* Type-length-value options after the header: the offset comes from the data. */
static unsigned int frame_options(const unsigned char *COUNT(len) p, int len)
{
	unsigned int seen = 0;
	int off = ETH_HLEN;

	while (off + 2 <= len) {
		int type = p[off];
		int olen = p[off + 1] & 15;

		if (off + 2 + olen > len)
			break;
		for (int i = 0; i < olen; i++)
			seen += (unsigned int)(type ^ p[off + 2 + i]);
		off += 2 + olen;
	}
	return seen;
}

static int frame_parse(const unsigned char *COUNT(len) p, unsigned int len, struct frame_info *info)
{
	if (len < ETH_HLEN)
		return -1;
	info->type = (unsigned int)p[12] << 8 | p[13];
	info->src = (unsigned int)p[6] << 8 | p[7];
	info->sum = frame_sum(p, len);
	info->options = frame_options(p, (int)len);
	return 0;
}

static unsigned long run(struct ring *r, struct frame *f, unsigned int rounds)
{
	struct frame_info info;
	unsigned long digest = 0;
	unsigned short w;

	for (unsigned int k = 0; k < rounds; k++) {
		f->len = FRAME_MAX - (k & 63u);
		frame_fill(f, k);
		if (frame_parse(f->data, f->len, &info))
			continue;
		digest += info.type ^ info.src ^ info.sum ^ info.options;
		digest += frame_enqueue(r, f->data, f->len);
	}
	while (!ring_pop(r, &w))
		digest += w;
	return digest;
}

int main(int argc, char **argv)
{
	static unsigned short slots[RING_SLOTS];
	static unsigned char bytes[FRAME_MAX];
	struct ring r = { .head = 0, .tail = 0, .mask = RING_SLOTS - 1, .slots = slots };
	struct frame f = { .cap = FRAME_MAX, .len = FRAME_MAX, .data = bytes };
	unsigned int rounds = argc > 1 ? (unsigned int)strtoul(argv[1], NULL, 10) : 1000;

	printf("%lu\n", run(&r, &f, rounds));
	return 0;
}
