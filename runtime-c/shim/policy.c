/* MINIX 3-style isolation policy: per-driver API grants; denials are logged and counted, never fatal. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

/* Network drivers get everything they need to drive a NIC through memory-mapped registers and DMA; port I/O
 * is a privilege they do not have (like MINIX 3's per-driver I/O port ranges). */
static const struct fgft_policy builtin_policies[] = {
	{ .driver = "*",
	  .grants = FGFT_GRANT_ALL & ~FGFT_GRANT(FGFT_API_PORTIO) },
	{ .driver = NULL, .grants = 0 },
};

static const struct fgft_policy *table = builtin_policies;
static unsigned long denial_counts[FGFT_DENY_KIND_COUNT];

static const char *const class_names[FGFT_API_CLASS_COUNT] = {
	[FGFT_API_MEM] = "mem", [FGFT_API_PCI] = "pci",     [FGFT_API_MMIO] = "mmio",
	[FGFT_API_PORTIO] = "portio", [FGFT_API_DMA] = "dma", [FGFT_API_IRQ] = "irq",
	[FGFT_API_NET] = "net", [FGFT_API_TIMER] = "timer", [FGFT_API_WORK] = "work",
	[FGFT_API_LOCK] = "lock",
};

static const char *const denial_names[FGFT_DENY_KIND_COUNT] = {
	[FGFT_DENY_API] = "api-not-granted",
	[FGFT_DENY_MMIO] = "foreign-mmio",
	[FGFT_DENY_DMA] = "foreign-dma",
	[FGFT_DENY_DEVICE] = "foreign-device",
};

const char *fgft_api_class_name(enum fgft_api_class cls)
{
	return cls < FGFT_API_CLASS_COUNT ? class_names[cls] : "unknown";
}

const char *fgft_denial_name(enum fgft_denial kind)
{
	return kind < FGFT_DENY_KIND_COUNT ? denial_names[kind] : "unknown";
}

const struct fgft_policy *fgft_policy_for(const char *driver)
{
	const struct fgft_policy *p, *fallback = NULL;

	for (p = table; p->driver; p++) {
		if (driver && strcmp(p->driver, driver) == 0)
			return p;
		if (strcmp(p->driver, "*") == 0)
			fallback = p;
	}
	return fallback;
}

void fgft_policy_set_table(const struct fgft_policy *t)
{
	table = t ? t : builtin_policies;
}

void fgft_policy_reset(void)
{
	unsigned int i;

	table = builtin_policies;
	for (i = 0; i < FGFT_DENY_KIND_COUNT; i++)
		denial_counts[i] = 0;
}

unsigned long fgft_policy_denials(enum fgft_denial kind)
{
	return kind < FGFT_DENY_KIND_COUNT ? denial_counts[kind] : 0;
}

void fgft_policy_deny(enum fgft_denial kind, const char *fmt, ...)
{
	struct fgft_owner *owner = fgft_current_owner();
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (kind >= FGFT_DENY_KIND_COUNT)
		kind = FGFT_DENY_API;
	denial_counts[kind]++;
	if (owner)
		owner->denials++;
	/* Denials are logged even in quiet mode (they are the point of the policy), but not without limit. */
	if (denial_counts[kind] > 10) {
		if (denial_counts[kind] == 11)
			fprintf(stderr, "fgft: policy: further %s denials are counted, not shown\n",
				fgft_denial_name(kind));
		return;
	}
	fprintf(stderr, "fgft: policy: denied %s to %s: %s\n", fgft_denial_name(kind), owner ? owner->name : "kernel",
		msg);
}

int fgft_policy_allow(enum fgft_api_class cls, const char *api)
{
	struct fgft_owner *owner = fgft_current_owner();
	const struct fgft_policy *p;

	if (!owner)
		return 1; /* the kernel itself */
	p = owner->policy ? owner->policy : fgft_policy_for(owner->name);
	if (p && (p->grants & FGFT_GRANT(cls)))
		return 1;
	fgft_policy_deny(FGFT_DENY_API, "%s (class %s) is not granted", api, fgft_api_class_name(cls));
	return 0;
}
