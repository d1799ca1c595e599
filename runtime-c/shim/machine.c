/* The simulated CPU's state: current owner (driver instance) and execution context, entry hooks, the
 * machine log, deterministic randomness, and the whole-machine reset. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define FGFT_MAX_OWNERS 64

static struct fgft_owner *owners[FGFT_MAX_OWNERS];
static int owner_count;
static struct fgft_owner *module_owner;
static struct fgft_owner *cur_owner;
static enum fgft_context cur_ctx = FGFT_CTX_PROCESS;
static struct fgft_entry_hooks entry_hooks;
static int log_quiet;
static int profiling, profile_depth;
static u64 profile_start, profile_driver_ns;

u64 fgft_wall_ns(void);

void fgft_profile_enable(int on)
{
	profiling = on;
	profile_depth = 0;
	profile_driver_ns = 0;
}

u64 fgft_profile_driver_ns(void)
{
	return profile_driver_ns;
}
static u64 rng_state = 0x9e3779b97f4a7c15ULL;

void *fgft_xzalloc(size_t size)
{
	void *p = calloc(1, size);

	if (!p) {
		fprintf(stderr, "fgft: out of host memory\n");
		abort();
	}
	return p;
}

struct fgft_owner *fgft_owner_new(const char *name, void *pci_dev)
{
	struct fgft_owner *o;

	if (owner_count == FGFT_MAX_OWNERS) {
		fprintf(stderr, "fgft: too many driver instances\n");
		abort();
	}
	o = fgft_xzalloc(sizeof(*o));
	snprintf(o->name, sizeof(o->name), "%s", name);
	o->id = owner_count;
	o->pci_dev = pci_dev;
	o->policy = fgft_policy_for(name);
	owners[owner_count++] = o;
	return o;
}

struct fgft_owner *fgft_module_owner(void)
{
	if (!module_owner)
		module_owner = fgft_owner_new("module", NULL);
	return module_owner;
}

struct fgft_owner *fgft_owner_of_pci_dev(const void *pci_dev)
{
	int i;

	for (i = owner_count - 1; i >= 0; i--)
		if (owners[i]->pci_dev == pci_dev)
			return owners[i];
	return NULL;
}

void fgft_owner_reset(void)
{
	int i;

	for (i = 0; i < owner_count; i++)
		free(owners[i]);
	owner_count = 0;
	module_owner = NULL;
	cur_owner = NULL;
	cur_ctx = FGFT_CTX_PROCESS;
}

struct fgft_owner *fgft_current_owner(void)
{
	return cur_owner;
}

struct fgft_owner *fgft_set_current_owner(struct fgft_owner *owner)
{
	struct fgft_owner *old = cur_owner;

	cur_owner = owner;
	return old;
}

enum fgft_context fgft_context(void)
{
	return cur_ctx;
}

void fgft_set_entry_hooks(const struct fgft_entry_hooks *hooks)
{
	if (hooks)
		entry_hooks = *hooks;
	else
		memset(&entry_hooks, 0, sizeof(entry_hooks));
}

struct fgft_entry_state fgft_entry_begin(struct fgft_owner *owner, enum fgft_context ctx, const char *entry)
{
	struct fgft_entry_state saved = { .owner = cur_owner, .ctx = cur_ctx, .entry = entry };

	cur_owner = owner;
	cur_ctx = ctx;
	if (profiling && profile_depth++ == 0)
		profile_start = fgft_wall_ns();
	if (entry_hooks.enter)
		entry_hooks.enter(owner, entry, entry_hooks.arg);
	return saved;
}

void fgft_entry_end(struct fgft_entry_state saved)
{
	if (entry_hooks.leave)
		entry_hooks.leave(cur_owner, saved.entry, entry_hooks.arg);
	if (profiling && --profile_depth == 0)
		profile_driver_ns += fgft_wall_ns() - profile_start;
	cur_owner = saved.owner;
	cur_ctx = saved.ctx;
}

void fgft_log_set_quiet(int quiet)
{
	log_quiet = quiet;
}

int fgft_log_is_quiet(void);
int fgft_log_is_quiet(void)
{
	return log_quiet;
}

void fgft_log(const char *fmt, ...)
{
	va_list ap;

	if (log_quiet)
		return;
	fprintf(stderr, "[%10.6f] ", (double)fgft_now_ns() / 1e9);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/* splitmix64: small, fast and reproducible from the seed. */
void fgft_seed(u64 seed)
{
	rng_state = seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
}

u64 fgft_rand64(void)
{
	u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void fgft_machine_reset(void)
{
	fgft_netdev_reset();
	fgft_napi_reset();
	fgft_irq_reset();
	fgft_work_reset();
	fgft_timer_reset();
	fgft_dma_reset();
	fgft_io_reset();
	fgft_pci_reset();
	fgft_lock_reset();
	fgft_mem_reset();
	fgft_track_reset();
	fgft_policy_reset();
	fgft_violation_reset();
	fgft_owner_reset();
	fgft_sched_hw_reset();
}
