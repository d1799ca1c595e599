/* The link partner at the other end of the wire: transmits queued frames back to back at 1 Gb/s while the
 * link is up, and hands the NIC's frames to whoever listens (the harness workload). */
#include <stdlib.h>
#include <string.h>
#include "model.h"

struct queued_frame {
	struct queued_frame *next;
	unsigned int len;
	u8 data[];
};

struct fgft_partner {
	struct e1000_model *m;
	struct queued_frame *head, *tail;
	unsigned int queued;
	u64 sent;
	u64 wire_free_at;
	u64 pump_event;
	struct queued_frame *in_flight;
	fgft_partner_rx_fn rx;
	void *arg;
};

static void pump(struct fgft_partner *p);

static void arrive(void *arg)
{
	struct fgft_partner *p = arg;
	struct queued_frame *f = p->in_flight;

	p->in_flight = NULL;
	p->pump_event = 0;
	if (f) {
		e1000_model_wire_rx(p->m, f->data, f->len);
		p->sent++;
		free(f);
	}
	pump(p);
}

static void pump(struct fgft_partner *p)
{
	struct queued_frame *f = p->head;
	u64 now = fgft_now_ns(), start;

	if (!f || p->in_flight || !e1000_model_link_up(p->m))
		return;
	p->head = f->next;
	if (!p->head)
		p->tail = NULL;
	p->queued--;
	start = now > p->wire_free_at ? now : p->wire_free_at;
	p->wire_free_at = start + e1000_wire_ns(f->len);
	p->in_flight = f;
	p->pump_event = fgft_sched_at(p->wire_free_at, arrive, p);
}

static void on_wire_tx(void *arg, const u8 *frame, unsigned int len)
{
	struct fgft_partner *p = arg;

	if (p->rx)
		p->rx(p->arg, frame, len);
}

static void on_link(void *arg, int up)
{
	struct fgft_partner *p = arg;

	if (up) {
		pump(p);
		return;
	}
	/* a frame on the wire when the link drops is lost; the partner resends it when the link returns */
	if (p->in_flight) {
		if (p->pump_event)
			fgft_sched_cancel(p->pump_event);
		p->pump_event = 0;
		p->in_flight->next = p->head;
		p->head = p->in_flight;
		if (!p->tail)
			p->tail = p->head;
		p->queued++;
		p->in_flight = NULL;
	}
}

struct fgft_partner *fgft_partner_create(struct e1000_model *m, fgft_partner_rx_fn rx, void *arg)
{
	struct fgft_partner *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->m = m;
	p->rx = rx;
	p->arg = arg;
	e1000_model_set_wire(m, on_wire_tx, on_link, p);
	return p;
}

void fgft_partner_destroy(struct fgft_partner *p)
{
	if (!p)
		return;
	if (p->pump_event)
		fgft_sched_cancel(p->pump_event);
	free(p->in_flight);
	while (p->head) {
		struct queued_frame *f = p->head;

		p->head = f->next;
		free(f);
	}
	e1000_model_set_wire(p->m, NULL, NULL, NULL);
	free(p);
}

void fgft_partner_send(struct fgft_partner *p, const u8 *frame, unsigned int len)
{
	struct queued_frame *f = malloc(sizeof(*f) + len);

	if (!f)
		return;
	f->next = NULL;
	f->len = len;
	memcpy(f->data, frame, len);
	if (p->tail)
		p->tail->next = f;
	else
		p->head = f;
	p->tail = f;
	p->queued++;
	pump(p);
}

unsigned int fgft_partner_queued(const struct fgft_partner *p)
{
	return p->queued + (p->in_flight != NULL);
}

u64 fgft_partner_sent(const struct fgft_partner *p)
{
	return p->sent;
}
