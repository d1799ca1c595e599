/* Simulated time and the event scheduler: a heap of hardware events (device model, link partner), plus the
 * kernel's deferred work (interrupts, NAPI, work items, timers, the netdev watchdog) run between driver calls. */
#include <stdint.h>
#include <stdlib.h>
#include "internal.h"

struct hw_event {
	u64 when;
	u64 id;
	fgft_event_fn fn;
	void *arg;
};

#define MAX_TICK_HOOKS 8

static struct hw_event *heap;
static size_t heap_len, heap_cap;
static u64 next_id = 1;
static u64 now_ns;
static struct {
	fgft_tick_hook fn;
	void *arg;
} tick_hooks[MAX_TICK_HOOKS];
static int tick_hook_count;

volatile unsigned long jiffies;
volatile u64 jiffies_64;

u64 fgft_now_ns(void)
{
	return now_ns;
}

static void set_now(u64 t)
{
	now_ns = t;
	jiffies_64 = t / FGFT_NS_PER_JIFFY;
	jiffies = (unsigned long)jiffies_64;
}

static int earlier(const struct hw_event *a, const struct hw_event *b)
{
	return a->when < b->when || (a->when == b->when && a->id < b->id);
}

static void heap_swap(size_t i, size_t j)
{
	struct hw_event t = heap[i];

	heap[i] = heap[j];
	heap[j] = t;
}

static void sift_up(size_t i)
{
	while (i > 0 && earlier(&heap[i], &heap[(i - 1) / 2])) {
		heap_swap(i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void sift_down(size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < heap_len && earlier(&heap[l], &heap[m]))
			m = l;
		if (r < heap_len && earlier(&heap[r], &heap[m]))
			m = r;
		if (m == i)
			return;
		heap_swap(i, m);
		i = m;
	}
}

u64 fgft_sched_at(u64 when_ns, fgft_event_fn fn, void *arg)
{
	if (heap_len == heap_cap) {
		heap_cap = heap_cap ? heap_cap * 2 : 64;
		heap = realloc(heap, heap_cap * sizeof(*heap));
		if (!heap)
			abort();
	}
	if (when_ns < now_ns)
		when_ns = now_ns;
	heap[heap_len] = (struct hw_event){ .when = when_ns, .id = next_id, .fn = fn, .arg = arg };
	sift_up(heap_len++);
	return next_id++;
}

void fgft_sched_cancel(u64 id)
{
	size_t i;

	for (i = 0; i < heap_len; i++) {
		if (heap[i].id == id) {
			heap[i].fn = NULL; /* left in place; skipped when it falls due */
			return;
		}
	}
}

/* Run hardware events due at or before t, in order, moving the clock to each. */
static void run_hw_until(u64 t)
{
	while (heap_len && heap[0].when <= t) {
		struct hw_event ev = heap[0];

		heap[0] = heap[--heap_len];
		sift_down(0);
		set_now(ev.when);
		if (ev.fn)
			ev.fn(ev.arg);
	}
	if (t > now_ns)
		set_now(t);
}

void fgft_advance_ns(u64 ns)
{
	run_hw_until(now_ns + ns);
}

int fgft_sched_add_tick_hook(fgft_tick_hook fn, void *arg)
{
	if (tick_hook_count == MAX_TICK_HOOKS)
		return -1;
	tick_hooks[tick_hook_count].fn = fn;
	tick_hooks[tick_hook_count].arg = arg;
	tick_hook_count++;
	return 0;
}

void fgft_sched_remove_tick_hook(fgft_tick_hook fn, void *arg)
{
	int i;

	for (i = 0; i < tick_hook_count; i++) {
		if (tick_hooks[i].fn == fn && tick_hooks[i].arg == arg) {
			tick_hooks[i] = tick_hooks[--tick_hook_count];
			return;
		}
	}
}

int fgft_sched_run_pending(void)
{
	int total = 0, ran, rounds = 0;

	/* Bounded: a driver that keeps rescheduling itself must not stop simulated time forever. */
	do {
		ran = fgft_irq_run_pending();
		ran += fgft_napi_run_pending();
		ran += fgft_timer_run_due();
		ran += fgft_work_run_pending();
		ran += fgft_netdev_watchdog_run();
		total += ran;
	} while (ran && ++rounds < 64);
	return total;
}

u64 fgft_sched_next_event(void)
{
	u64 next = UINT64_MAX, t;

	while (heap_len && !heap[0].fn) { /* drop cancelled events */
		heap[0] = heap[--heap_len];
		sift_down(0);
	}
	if (heap_len)
		next = heap[0].when;
	t = fgft_timer_next_ns();
	if (t < next)
		next = t;
	t = fgft_netdev_watchdog_next_ns();
	if (t < next)
		next = t;
	t = fgft_irq_next_ns();
	if (t < next)
		next = t;
	return next;
}

static void run_tick_hooks(void)
{
	int i;

	for (i = 0; i < tick_hook_count; i++)
		tick_hooks[i].fn(now_ns, tick_hooks[i].arg);
}

int fgft_sched_run(u64 until_ns, int (*done)(void *arg), void *arg)
{
	unsigned int spins = 0;

	for (;;) {
		u64 next;
		int ran = fgft_sched_run_pending();

		run_tick_hooks();
		if (done && done(arg))
			return 1;
		/* Deferred work may have made more work runnable at this instant; but a driver that stays busy
		 * forever (a NAPI poll that never completes) costs CPU time, so the clock moves on eventually. */
		if (ran && ++spins < 1000)
			continue;
		spins = 0;
		next = fgft_sched_next_event();
		if (ran && next > now_ns + 1000)
			next = now_ns + 1000;
		if (next > until_ns) {
			run_hw_until(until_ns);
			return 0;
		}
		run_hw_until(next);
	}
}

void fgft_sched_hw_reset(void)
{
	heap_len = 0;
	tick_hook_count = 0;
	set_now(0);
}
