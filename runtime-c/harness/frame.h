/* Test frames: Ethernet header, magic, stream, length, sequence number, seeded payload, digest. */
#ifndef _FGFT_HARNESS_FRAME_H
#define _FGFT_HARNESS_FRAME_H

#include <linux/types.h>
#include <fgft/harness.h>

#define FRAME_ETHERTYPE 0x88B5 /* IEEE local experimental */
#define FRAME_MAGIC 0x46474654u
#define FRAME_MIN 60
#define FRAME_HDR 30 /* Ethernet 14 + magic 4 + stream 1 + pad 1 + length 2 + seq 4 + 4 checksum at the end */

enum frame_stream {
	STREAM_TX = 1,       /* app -> partner */
	STREAM_RX = 2,       /* partner -> app */
	STREAM_REQUEST = 3,
	STREAM_RESPONSE = 4,
};

/* Length of frame seq of a stream for a given largest frame: reproducible from the seed. */
unsigned int frame_len_for(u64 seed, int stream, u64 seq, unsigned int max_len);
void frame_build(u8 *buf, unsigned int len, const u8 dst[6], const u8 src[6], u64 seed, int stream, u64 seq);

enum frame_verdict {
	FRAME_OK,
	FRAME_CORRUPT,
	FRAME_FOREIGN, /* not one of ours (e.g. another stream) */
};

/* Check a received frame; on FRAME_OK and FRAME_CORRUPT with a readable header, stream and seq are set. */
enum frame_verdict frame_check(const u8 *buf, unsigned int len, u64 seed, int *stream, u64 *seq);

/* Per-stream receive bookkeeping: duplicates via a bitmap of sequence numbers. */
struct frame_tracker {
	u8 *seen;
	u8 *errored; /* the application was told these were not delivered */
	u64 capacity;
	struct fgft_stream_stats *stats;
	const u64 *issued; /* sequence numbers below this were sent (responses: the requests offered) */
};

int frame_tracker_init(struct frame_tracker *t, u64 capacity, struct fgft_stream_stats *stats, const u64 *issued);
void frame_tracker_free(struct frame_tracker *t);
/* Account one frame of this stream; returns 1 if it was a first, intact delivery. */
int frame_tracker_account(struct frame_tracker *t, enum frame_verdict v, u64 seq);
int frame_tracker_seen(const struct frame_tracker *t, u64 seq);
/* The application was told frame seq was not delivered (it may still arrive: then it counts as delivered). */
void frame_tracker_mark_errored(struct frame_tracker *t, u64 seq);
/* Set stats->errored and stats->lost from the bitmaps: every offered frame is delivered, corrupted, errored or
 * lost. */
void frame_tracker_settle(struct frame_tracker *t);

#endif
