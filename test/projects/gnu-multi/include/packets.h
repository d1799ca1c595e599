#ifndef GNU_MULTI_PACKETS_H
#define GNU_MULTI_PACKETS_H

#include "list.h"

enum packet_kind { PKT_DATA, PKT_ACK, PKT_RESET };

struct packet {
	unsigned int id;
	enum packet_kind kind;
	unsigned int length;
	struct list_head node;
};

const char *packet_kind_name(enum packet_kind kind);
void packet_queue(struct list_head *queue, struct packet *p);
unsigned int packet_total(struct list_head *queue);
int packet_score(const struct packet *p);

#endif
