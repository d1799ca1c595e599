/* Test frame construction and verification. */
#include <stdlib.h>
#include <string.h>
#include "frame.h"

static u64 mix(u64 x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

static u64 frame_key(u64 seed, int stream, u64 seq)
{
	return mix(seed * 0x9e3779b97f4a7c15ULL ^ ((u64)stream << 56) ^ seq);
}

unsigned int frame_len_for(u64 seed, int stream, u64 seq, unsigned int max_len)
{
	u64 k = frame_key(seed, stream, seq);

	if (max_len < FRAME_MIN)
		max_len = FRAME_MIN;
	/* a quarter of the frames are full-sized, the rest spread evenly */
	if ((k & 3) == 0)
		return max_len;
	return FRAME_MIN + (unsigned int)((k >> 8) % (max_len - FRAME_MIN + 1));
}

/* A 32-bit digest over the frame body, eight bytes per step (any changed byte changes it with high
 * probability; the harness is not defending against adversaries, only against bugs). */
static u32 digest(const u8 *p, unsigned int len)
{
	/* four independent lanes so the multiplies overlap */
	u64 h[4] = { 0x9e3779b97f4a7c15ULL ^ len, 0xc2b2ae3d27d4eb4fULL, 0x165667b19e3779f9ULL, 0x27d4eb2f165667c5ULL };
	u64 w[4], acc;
	unsigned int i = 0, j;

	for (; i + 32 <= len; i += 32) {
		memcpy(w, p + i, 32);
		for (j = 0; j < 4; j++) {
			h[j] = (h[j] ^ w[j]) * 0xff51afd7ed558ccdULL;
			h[j] ^= h[j] >> 29;
		}
	}
	acc = h[0] ^ mix(h[1]) ^ mix(h[2] + 1) ^ mix(h[3] + 2);
	for (; i < len; i++)
		acc = (acc ^ p[i]) * 0x100000001b3ULL;
	return (u32)(mix(acc) >> 32);
}

static void put_be16(u8 *p, u16 v) { p[0] = (u8)(v >> 8); p[1] = (u8)v; }
static void put_be32(u8 *p, u32 v) { put_be16(p, (u16)(v >> 16)); put_be16(p + 2, (u16)v); }
static u16 get_be16(const u8 *p) { return (u16)(p[0] << 8 | p[1]); }
static u32 get_be32(const u8 *p) { return (u32)get_be16(p) << 16 | get_be16(p + 2); }

void frame_build(u8 *buf, unsigned int len, const u8 dst[6], const u8 src[6], u64 seed, int stream, u64 seq)
{
	u64 k = frame_key(seed, stream, seq);
	unsigned int i;

	memcpy(buf, dst, 6);
	memcpy(buf + 6, src, 6);
	put_be16(buf + 12, FRAME_ETHERTYPE);
	put_be32(buf + 14, FRAME_MAGIC);
	buf[18] = (u8)stream;
	buf[19] = 0;
	put_be16(buf + 20, (u16)len);
	put_be32(buf + 22, (u32)seq);
	/* payload words depend on the key and their position only, so they are independent of each other */
	for (i = 26; i < len - 4; i += 8) {
		unsigned int n = len - 4 - i < 8 ? len - 4 - i : 8;
		u64 w = k ^ ((u64)i * 0x9e3779b97f4a7c15ULL);

		memcpy(buf + i, &w, n);
	}
	put_be32(buf + len - 4, digest(buf + 14, len - 18));
}

enum frame_verdict frame_check(const u8 *buf, unsigned int len, u64 seed, int *stream, u64 *seq)
{
	unsigned int enc;

	(void)seed;
	if (len < FRAME_HDR || get_be16(buf + 12) != FRAME_ETHERTYPE)
		return FRAME_FOREIGN;
	*stream = buf[18];
	*seq = get_be32(buf + 22);
	if (get_be32(buf + 14) != FRAME_MAGIC)
		return FRAME_CORRUPT;
	enc = get_be16(buf + 20);
	if (enc != len)
		return FRAME_CORRUPT;
	if (get_be32(buf + len - 4) != digest(buf + 14, len - 18))
		return FRAME_CORRUPT;
	return FRAME_OK;
}

int frame_tracker_init(struct frame_tracker *t, u64 capacity, struct fgft_stream_stats *stats, const u64 *issued)
{
	t->capacity = capacity;
	t->stats = stats;
	t->issued = issued;
	t->seen = calloc((size_t)(capacity / 8 + 1), 1);
	t->errored = calloc((size_t)(capacity / 8 + 1), 1);
	return t->seen && t->errored ? 0 : -1;
}

void frame_tracker_free(struct frame_tracker *t)
{
	free(t->seen);
	free(t->errored);
	t->seen = NULL;
	t->errored = NULL;
}

static int bit_test(const u8 *map, u64 i)
{
	return (map[i / 8] >> (i % 8)) & 1;
}

int frame_tracker_seen(const struct frame_tracker *t, u64 seq)
{
	return seq < t->capacity && bit_test(t->seen, seq);
}

void frame_tracker_mark_errored(struct frame_tracker *t, u64 seq)
{
	if (seq < t->capacity)
		t->errored[seq / 8] |= (u8)(1u << (seq % 8));
}

void frame_tracker_settle(struct frame_tracker *t)
{
	struct fgft_stream_stats *s = t->stats;
	u64 seq, accounted;

	s->errored = 0;
	for (seq = 0; seq < t->capacity && seq < s->offered; seq++)
		if (bit_test(t->errored, seq) && !bit_test(t->seen, seq))
			s->errored++;
	accounted = s->delivered + s->corrupted + s->errored;
	s->lost = s->offered > accounted ? s->offered - accounted : 0;
}

int frame_tracker_account(struct frame_tracker *t, enum frame_verdict v, u64 seq)
{
	if (v != FRAME_OK || seq >= t->capacity || seq >= *t->issued) {
		t->stats->corrupted++;
		return 0;
	}
	if (t->seen[seq / 8] & (1u << (seq % 8))) {
		t->stats->duplicated++;
		return 0;
	}
	t->seen[seq / 8] |= (u8)(1u << (seq % 8));
	t->stats->delivered++;
	return 1;
}
