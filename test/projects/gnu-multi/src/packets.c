// Packets on a list, found again with container_of; a jump table with
// designated initialisers and a computed goto.
#include "list.h"
#include "packets.h"

#include <stdio.h>

static const char *const kind_names[] = {
	[PKT_DATA] = "data",
	[PKT_ACK] = "ack",
	[PKT_RESET] = "reset",
};

const char *packet_kind_name(enum packet_kind kind)
{
	if ((unsigned int)kind >= ARRAY_SIZE(kind_names))
		return "?";
	return kind_names[kind];
}

void packet_queue(struct list_head *queue, struct packet *p)
{
	list_add_tail(&p->node, queue);
}

unsigned int packet_total(struct list_head *queue)
{
	struct packet *p;
	unsigned int total = 0;

	list_for_each_entry(p, queue, node)
		total += p->length;
	return total;
}

int packet_score(const struct packet *p)
{
	static void *const dispatch[] = { &&data, &&ack, &&reset };
	int score = 0;

	if ((unsigned int)p->kind >= ARRAY_SIZE(dispatch))
		return -1;
	goto *dispatch[p->kind];
data:
	score += max(p->length / 10, 1u);
ack:
	score += 2;
	return score;
reset:
	return 100;
}
