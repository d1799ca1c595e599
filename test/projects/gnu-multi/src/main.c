// Deterministic output from every module: ring, packets, library, assembly.
#include "gnuutil.h"
#include "packets.h"
#include "ring.h"

#include <stdio.h>
#include <string.h>

static struct ring tx_ring;

static void exercise_ring(void)
{
	struct ring_desc d;
	unsigned int sum = 0;
	int i;

	ring_init(&tx_ring);
	for (i = 0; i < RING_SLOTS + 3; i++) {
		if (ring_push(&tx_ring, 0x1000ull * (unsigned int)i, (unsigned short)(64 + i)) != 0)
			continue;
	}
	printf("ring: used=%u dropped=%u\n", ring_used(&tx_ring), tx_ring.dropped);
	while (ring_pop(&tx_ring, &d) == 0)
		sum += d.length;
	printf("ring: drained length sum=%u used=%u\n", sum, ring_used(&tx_ring));
}

static void exercise_packets(void)
{
	struct list_head queue = LIST_HEAD_INIT(queue);
	struct packet pkts[] = {
		{ .id = 1, .kind = PKT_DATA, .length = 120 },
		{ .id = 2, .kind = PKT_ACK, .length = 40 },
		{ .id = 3, .kind = PKT_RESET },
		{ .id = 4, .kind = PKT_DATA, .length = 7 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pkts); i++)
		packet_queue(&queue, &pkts[i]);
	for (i = 0; i < ARRAY_SIZE(pkts); i++)
		printf("packet %u: %s score=%d\n", pkts[i].id, packet_kind_name(pkts[i].kind),
		       packet_score(&pkts[i]));
	printf("packets: total length=%u\n", packet_total(&queue));
}

static void exercise_library(void)
{
	static const char text[] = "The quick brown fox";
	int a = 7, b = 3;

	swap(a, b);
	printf("crc32=%08x hash=%lu\n", crc32_le(~0u, (const unsigned char *)text, strlen(text)) ^ ~0u,
	       str_hash(text) % 100003ul);
	printf("min=%d max=%d rotl=%08x asm_add3=%ld\n", min(a, b), max(a, b), rotl32(0x12345678u, 8),
	       asm_add3(40, 1, 1));
}

int main(void)
{
	exercise_ring();
	exercise_packets();
	exercise_library();
	return 0;
}
