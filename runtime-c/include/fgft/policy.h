/* fgft/policy.h: MINIX 3-style isolation policy. Each driver may touch only its own device's register ranges
 * and DMA buffers, and call only the kernel API classes it is granted. Violations are denied, logged, counted. */
#ifndef _FGFT_POLICY_H
#define _FGFT_POLICY_H

#include <linux/types.h>

enum fgft_api_class {
	FGFT_API_MEM,      /* kmalloc & co */
	FGFT_API_PCI,      /* PCI config, enable, regions, BAR mapping */
	FGFT_API_MMIO,     /* readl/writel on mapped BARs */
	FGFT_API_PORTIO,   /* inb/outb & co */
	FGFT_API_DMA,
	FGFT_API_IRQ,
	FGFT_API_NET,      /* net_device, NAPI, skb */
	FGFT_API_TIMER,
	FGFT_API_WORK,
	FGFT_API_LOCK,
	FGFT_API_CLASS_COUNT
};

#define FGFT_GRANT(c) (1u << (c))
#define FGFT_GRANT_ALL ((1u << FGFT_API_CLASS_COUNT) - 1)

struct fgft_policy {
	const char *driver;  /* pci_driver name this policy applies to ("*" = default) */
	unsigned int grants; /* FGFT_GRANT() bits */
};

enum fgft_denial {
	FGFT_DENY_API,        /* kernel API class not granted */
	FGFT_DENY_MMIO,       /* register access outside the instance's own BARs */
	FGFT_DENY_DMA,        /* DMA mapping of memory, or device DMA to an address, the instance does not own */
	FGFT_DENY_DEVICE,     /* operating on another instance's device */
	FGFT_DENY_KIND_COUNT
};

/* The policy for a driver name (falls back to the default network-driver policy, which grants everything
 * except port I/O). */
const struct fgft_policy *fgft_policy_for(const char *driver);
/* Replace the policy table (terminated by an entry with driver == NULL); NULL restores the built-in one. */
void fgft_policy_set_table(const struct fgft_policy *table);
/* Returns 1 if the current owner may use the API class; otherwise logs, counts and returns 0. */
int fgft_policy_allow(enum fgft_api_class cls, const char *api);
void fgft_policy_deny(enum fgft_denial kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
unsigned long fgft_policy_denials(enum fgft_denial kind);
const char *fgft_denial_name(enum fgft_denial kind);
const char *fgft_api_class_name(enum fgft_api_class cls);

#endif
