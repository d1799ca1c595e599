/* Device-fault modes: the hardware misbehaving the ways real NICs do. Each mode starts a seeded few
 * milliseconds after e1000_model_arm_faults(), so a run's traffic is under way when it hits. */
#include <stdlib.h>
#include <string.h>
#include "model.h"

#define MS 1000000ULL

static const struct {
	unsigned int bit;
	const char *name;
} fault_names[] = {
	{ E1000_FAULT_STUCK_REG, "stuck-reg" },
	{ E1000_FAULT_GARBAGE_REG, "garbage-reg" },
	{ E1000_FAULT_LOST_IRQ, "lost-irq" },
	{ E1000_FAULT_DMA_STALE, "dma-stale" },
	{ E1000_FAULT_LINK_FLAP, "link-flap" },
};

const char *e1000_fault_name(unsigned int bit)
{
	size_t i;

	for (i = 0; i < sizeof(fault_names) / sizeof(fault_names[0]); i++)
		if (fault_names[i].bit == bit)
			return fault_names[i].name;
	return "unknown";
}

int e1000_fault_parse(const char *list, unsigned int *mask)
{
	const char *p = list;

	*mask = 0;
	while (p && *p) {
		size_t len = strcspn(p, ","), i;
		int found = len == 4 && strncmp(p, "none", 4) == 0;

		for (i = 0; !found && i < sizeof(fault_names) / sizeof(fault_names[0]); i++) {
			if (strlen(fault_names[i].name) == len && strncmp(p, fault_names[i].name, len) == 0) {
				*mask |= fault_names[i].bit;
				found = 1;
			}
		}
		if (!found)
			return -1;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

static u64 rand_between(u64 lo, u64 hi)
{
	return lo + fgft_rand64() % (hi - lo + 1);
}

void e1000_model_set_faults(struct e1000_model *m, unsigned int faults)
{
	m->faults = faults;
}

static void flap_event(void *arg);

static void schedule_flap(struct e1000_model *m, u64 delay)
{
	m->fault_events[0] = fgft_sched_at(fgft_now_ns() + delay, flap_event, m);
}

static void flap_event(void *arg)
{
	struct e1000_model *m = arg;

	m->fault_events[0] = 0;
	if (!m->flap_down) {
		m->flap_down = 1;
		m->stats.link_flaps++;
		fgft_log("e1000 model: fault: link partner gone (link flap)\n");
		e1000_set_link(m, 0);
		schedule_flap(m, rand_between(10 * MS, 30 * MS));
		return;
	}
	m->flap_down = 0;
	fgft_log("e1000 model: fault: link partner back\n");
	if (reg(m, E1000_CTRL) & E1000_CTRL_SLU)
		e1000_set_link(m, 1);
	if (--m->flaps_left > 0)
		schedule_flap(m, rand_between(20 * MS, 60 * MS));
}

void e1000_model_arm_faults(struct e1000_model *m)
{
	u64 now = fgft_now_ns();

	m->faults_armed = 1;
	if (m->faults & E1000_FAULT_STUCK_REG) {
		m->stuck_from = now + rand_between(1 * MS, 3 * MS);
		m->stuck_until = m->stuck_from + 2 * MS;
	}
	if (m->faults & E1000_FAULT_GARBAGE_REG) {
		m->garbage_from = now + rand_between(1 * MS, 3 * MS);
		m->garbage_until = m->garbage_from + 5 * MS;
	}
	if (m->faults & E1000_FAULT_LOST_IRQ)
		m->lost_irq_from = now + rand_between(1 * MS, 3 * MS);
	if (m->faults & E1000_FAULT_DMA_STALE) {
		m->stale_from = now + rand_between(1 * MS, 3 * MS);
		m->stale_countdown = 50;
	}
	if (m->faults & E1000_FAULT_LINK_FLAP) {
		m->flaps_left = 3;
		schedule_flap(m, rand_between(2 * MS, 5 * MS));
	}
}

void e1000_fault_cancel(struct e1000_model *m)
{
	if (m->fault_events[0])
		fgft_sched_cancel(m->fault_events[0]);
	m->fault_events[0] = 0;
}

u32 e1000_fault_filter_read(struct e1000_model *m, u32 off, u32 value)
{
	u64 now;

	if (!m->faults || !m->faults_armed)
		return value;
	now = fgft_now_ns();
	if ((m->faults & E1000_FAULT_STUCK_REG) && now >= m->stuck_from && now < m->stuck_until) {
		if (!m->stuck_snapshot) {
			m->stuck_snapshot = malloc(sizeof(m->regs));
			if (!m->stuck_snapshot)
				return value;
			memcpy(m->stuck_snapshot, m->regs, sizeof(m->regs));
			fgft_log("e1000 model: fault: register reads stuck\n");
		}
		m->stats.stuck_reads++;
		return m->stuck_snapshot[off / 4];
	}
	if ((m->faults & E1000_FAULT_GARBAGE_REG) && now >= m->garbage_from && now < m->garbage_until &&
	    fgft_rand64() % 16 == 0) {
		m->stats.garbage_reads++;
		return (u32)fgft_rand64();
	}
	return value;
}

void e1000_fault_on_reset(struct e1000_model *m)
{
	/* a full device reset clears a wedged register interface */
	if (m->stuck_snapshot && fgft_now_ns() < m->stuck_until) {
		m->stuck_until = fgft_now_ns();
		fgft_log("e1000 model: reset cleared the stuck registers\n");
	}
}

int e1000_fault_lose_irq(struct e1000_model *m)
{
	if (!m->faults_armed || !(m->faults & E1000_FAULT_LOST_IRQ) || fgft_now_ns() < m->lost_irq_from)
		return 0;
	if (fgft_rand64() % 4)
		return 0;
	m->stats.irqs_lost++;
	return 1;
}

void e1000_fault_note_rx_buffer(struct e1000_model *m, u64 addr)
{
	/* remember an old buffer address: the one the device will wrongly reuse */
	if (!m->stale_addr || m->stats.rx_frames % 512 == 0)
		m->stale_addr = addr;
}

int e1000_fault_stale_rx(struct e1000_model *m, u64 *addr)
{
	if (!m->faults_armed || !(m->faults & E1000_FAULT_DMA_STALE) || fgft_now_ns() < m->stale_from || !m->stale_addr ||
	    m->stale_addr == *addr)
		return 0;
	if (--m->stale_countdown > 0)
		return 0;
	m->stale_countdown = 50;
	*addr = m->stale_addr;
	return 1;
}
