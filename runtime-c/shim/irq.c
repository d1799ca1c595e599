/* Interrupt lines: level-triggered, asserted by the device model, delivered by the scheduler in hardirq
 * context. A line that stays asserted after its handler ran is re-delivered after a microsecond (so a stuck
 * device cannot stop simulated time); one nobody handles is disabled, as Linux's "nobody cared" does. */
#include <stdint.h>
#include <string.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include "internal.h"

#define MAX_IRQ 32
#define MAX_ACTIONS 4
#define UNHANDLED_LIMIT 1000
#define REDELIVER_NS 1000

struct irq_action {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	struct fgft_owner *owner;
};

struct irq_line {
	int level;
	int depth; /* disable_irq nesting */
	int nactions;
	struct irq_action actions[MAX_ACTIONS];
	unsigned long delivered;
	unsigned int unhandled;
	u64 hold_until;
};

static struct irq_line lines[MAX_IRQ];
static unsigned long storms;

void fgft_irq_reset(void)
{
	memset(lines, 0, sizeof(lines));
	storms = 0;
}

unsigned long fgft_irq_storms(void);
unsigned long fgft_irq_storms(void) { return storms; }

void fgft_irq_set_level(unsigned int irq, int asserted)
{
	if (irq < MAX_IRQ)
		lines[irq].level = asserted;
}

unsigned long fgft_irq_delivered(unsigned int irq)
{
	return irq < MAX_IRQ ? lines[irq].delivered : 0;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
	struct fgft_owner *cur = fgft_current_owner();
	struct fgft_bus_dev *bdev;
	struct irq_line *l;

	if (!fgft_policy_allow(FGFT_API_IRQ, "request_irq"))
		return -EPERM;
	if (!fgft_check_may_sleep("request_irq"))
		return -EINVAL;
	bdev = fgft_pci_bus_dev_of_irq(irq);
	if (irq >= MAX_IRQ || !bdev || !handler)
		return -EINVAL;
	if (cur && cur->pci_dev && fgft_bus_dev_owner(bdev) != cur) {
		fgft_policy_deny(FGFT_DENY_DEVICE, "request_irq(%u): interrupt line of another device", irq);
		return -EPERM;
	}
	l = &lines[irq];
	if (l->nactions && !(flags & IRQF_SHARED))
		return -EBUSY;
	if (l->nactions == MAX_ACTIONS)
		return -EBUSY;
	l->actions[l->nactions++] = (struct irq_action){ .handler = handler, .dev_id = dev, .name = name,
							 .owner = cur };
	l->unhandled = 0;
	fgft_track_add(FGFT_RES_IRQ, dev, irq);
	return 0;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_line *l;
	int i;

	if (!fgft_check_may_sleep("free_irq"))
		return NULL;
	if (irq >= MAX_IRQ) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "free_irq(%u): no such interrupt", irq);
		return NULL;
	}
	l = &lines[irq];
	for (i = 0; i < l->nactions; i++) {
		if (l->actions[i].dev_id == dev_id) {
			const char *name = l->actions[i].name;

			l->actions[i] = l->actions[--l->nactions];
			fgft_track_remove(FGFT_RES_IRQ, dev_id);
			return name;
		}
	}
	fgft_api_violation(FGFT_V_DOUBLE_FREE, "free_irq(%u, %p): no such handler (already freed?)", irq, dev_id);
	return NULL;
}

void disable_irq(unsigned int irq)
{
	if (irq < MAX_IRQ)
		lines[irq].depth++;
}

void disable_irq_nosync(unsigned int irq)
{
	disable_irq(irq);
}

void enable_irq(unsigned int irq)
{
	if (irq >= MAX_IRQ)
		return;
	if (lines[irq].depth == 0) {
		fgft_log("WARNING: unbalanced enable for IRQ %u\n", irq);
		return;
	}
	lines[irq].depth--;
}

void synchronize_irq(unsigned int irq)
{
	(void)irq; /* handlers never run concurrently with driver code on this machine */
}

static void deliver(unsigned int irq, struct irq_line *l)
{
	int i, handled = 0;

	for (i = 0; i < l->nactions; i++) {
		struct irq_action *a = &l->actions[i];
		struct fgft_entry_state saved = fgft_entry_begin(a->owner, FGFT_CTX_HARDIRQ, "irq");

		handled |= a->handler((int)irq, a->dev_id) != IRQ_NONE;
		fgft_entry_end(saved);
	}
	l->delivered++;
	if (handled) {
		l->unhandled = 0;
	} else if (++l->unhandled >= UNHANDLED_LIMIT) {
		fgft_log("irq %u: nobody cared, disabling the line\n", irq);
		l->depth++;
		storms++;
		fgft_stack_stats_mut_irq_storm();
	}
	if (l->level)
		l->hold_until = fgft_now_ns() + REDELIVER_NS;
}

int fgft_irq_run_pending(void)
{
	unsigned int irq;
	int ran = 0;
	u64 now = fgft_now_ns();

	for (irq = 0; irq < MAX_IRQ; irq++) {
		struct irq_line *l = &lines[irq];

		if (l->level && !l->depth && l->nactions && now >= l->hold_until) {
			deliver(irq, l);
			ran++;
		}
	}
	return ran;
}

u64 fgft_irq_next_ns(void);
u64 fgft_irq_next_ns(void)
{
	u64 next = UINT64_MAX;
	unsigned int irq;

	for (irq = 0; irq < MAX_IRQ; irq++) {
		struct irq_line *l = &lines[irq];

		if (l->level && !l->depth && l->nactions && l->hold_until < next)
			next = l->hold_until;
	}
	return next;
}
