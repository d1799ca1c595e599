/* The hot path for bench/recovery-stubs.ts: a transmit entry point that
 * does what a simple NIC driver does per frame (copy into a ring buffer,
 * fill a descriptor, checksum the header, advance the tail).  Compiled twice
 * into one program: plainly, and through fgftc with stubs; HOT_OPS names
 * each copy's ops table. */
#include <string.h>

#define HOT_RING 256
#define HOT_BUF 2048

struct hot_desc {
	unsigned long long addr;
	unsigned short len;
	unsigned char cmd;
	unsigned char status;
};

struct hot_ring {
	struct hot_desc desc[HOT_RING];
	unsigned char buf[HOT_RING][HOT_BUF];
	unsigned int tail;
	unsigned int sum;
};

struct hot_ops {
	int (*xmit)(struct hot_ring *ring, const unsigned char *frame, unsigned int len);
};

static unsigned int hot_csum(const unsigned char *p, unsigned int len)
{
	unsigned int sum = 0, i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (unsigned int)(p[i] << 8 | p[i + 1]);
	return sum;
}

static int hot_xmit(struct hot_ring *ring, const unsigned char *frame, unsigned int len)
{
	unsigned int i = ring->tail;

	if (len > HOT_BUF)
		return -22;
	memcpy(ring->buf[i], frame, len);
	ring->desc[i].addr = (unsigned long long)(unsigned long)ring->buf[i];
	ring->desc[i].len = (unsigned short)len;
	ring->desc[i].cmd = 0x0b;
	ring->desc[i].status = 0;
	ring->sum += hot_csum(frame, len < 34 ? len : 34);
	ring->tail = (i + 1) % HOT_RING;
	return 0;
}

const struct hot_ops HOT_OPS = {
	.xmit = hot_xmit,
};
