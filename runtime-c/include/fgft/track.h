/* fgft/track.h: the resource tracker. Every resource a driver acquires through the shim is recorded with its
 * type, object, size/aux value and owner (driver instance), and removed when released. krecover builds its
 * compensation and recovery on this API; the harness uses it for leak checks. */
#ifndef _FGFT_TRACK_H
#define _FGFT_TRACK_H

#include <stdio.h>
#include <linux/types.h>

enum fgft_res_type {
	FGFT_RES_MEM,           /* kmalloc/kzalloc/vmalloc: obj = pointer, aux = size */
	FGFT_RES_IRQ,           /* request_irq: obj = dev_id cookie, aux = irq number */
	FGFT_RES_DMA_COHERENT,  /* dma_alloc_coherent: obj = cpu address, aux = bus address */
	FGFT_RES_DMA_MAP,       /* dma_map_single: obj = (void *)bus address, aux = cpu address */
	FGFT_RES_IOMAP,         /* ioremap/pci_ioremap_bar: obj = __iomem cookie, aux = length */
	FGFT_RES_PCI_ENABLE,    /* pci_enable_device: obj = pci_dev */
	FGFT_RES_PCI_REGIONS,   /* pci_request_regions: obj = pci_dev, aux = BAR mask */
	FGFT_RES_PCI_DRIVER,    /* pci_register_driver: obj = pci_driver */
	FGFT_RES_NETDEV,        /* alloc_etherdev: obj = net_device */
	FGFT_RES_NETDEV_REG,    /* register_netdev: obj = net_device */
	FGFT_RES_NAPI,          /* netif_napi_add: obj = napi_struct */
	FGFT_RES_TIMER,         /* armed timer: obj = timer_list */
	FGFT_RES_WORK,          /* queued work: obj = work_struct */
	FGFT_RES_SPINLOCK,      /* held spinlock: obj = spinlock_t, aux = saved irq flags */
	FGFT_RES_MUTEX,         /* held mutex: obj = struct mutex */
	FGFT_RES_SKB,           /* sk_buff owned by the driver: obj = sk_buff, aux = buffer size */
	FGFT_RES_TYPE_COUNT
};

#define FGFT_RES_ANY ((enum fgft_res_type)-1)

/* A driver instance: the module itself (owner of module-wide resources) or one bound device. */
struct fgft_owner {
	char name[48];
	int id;
	const struct fgft_policy *policy;
	unsigned long violations;   /* kernel-API misuse reported through fgft_api_violation() */
	unsigned long denials;      /* isolation-policy denials */
	void *pci_dev;              /* the bound device, NULL for the module owner */
};

struct fgft_resource {
	enum fgft_res_type type;
	const void *obj;
	unsigned long aux;
	struct fgft_owner *owner;
	u64 seq;                    /* acquisition order */
	const char *site;           /* free-form note a runtime may attach (NULL from the shim) */
	unsigned long len;          /* DMA mappings: the mapped length (0 for other types) */
	int dir;                    /* DMA mappings: the mapping's enum dma_data_direction */
	struct fgft_resource *prev, *next; /* acquisition order */
	struct fgft_resource *hnext;        /* lookup chain (private) */
};

/* Record/forget a resource for the current owner. remove returns 0, or -ENOENT if it was not tracked. */
struct fgft_resource *fgft_track_add(enum fgft_res_type type, const void *obj, unsigned long aux);
int fgft_track_remove(enum fgft_res_type type, const void *obj);
struct fgft_resource *fgft_track_find(enum fgft_res_type type, const void *obj);
/* Move a resource to another owner (e.g. an skb handed from the driver to the stack is no longer the driver's). */
void fgft_track_set_owner(struct fgft_resource *res, struct fgft_owner *owner);

/* Walk newest-first (reverse acquisition order); owner NULL = all owners, type FGFT_RES_ANY = all types.
 * fn may remove the resource it is given. A non-zero return from fn stops the walk and is returned. */
typedef int (*fgft_track_fn)(struct fgft_resource *res, void *arg);
int fgft_track_for_each_reverse(struct fgft_owner *owner, fgft_track_fn fn, void *arg);
unsigned long fgft_track_count(struct fgft_owner *owner, enum fgft_res_type type);
/* Print one line per outstanding resource of owner (NULL = all); returns how many. */
unsigned long fgft_track_report_leaks(struct fgft_owner *owner, FILE *out);
const char *fgft_res_type_name(enum fgft_res_type type);
void fgft_track_reset(void);

/* The owner on whose behalf the simulated CPU is running (set by the shim around each call into the driver). */
struct fgft_owner *fgft_current_owner(void);
struct fgft_owner *fgft_set_current_owner(struct fgft_owner *owner);
struct fgft_owner *fgft_owner_new(const char *name, void *pci_dev);
struct fgft_owner *fgft_owner_of_pci_dev(const void *pci_dev);
struct fgft_owner *fgft_module_owner(void);

/* Kernel-API misuse detected by the shim. The handler is replaceable (krecover installs its own); the default
 * prints the message and aborts, as a kernel oops would stop the machine. If a handler returns, the shim
 * function that detected the misuse returns without doing the bad operation. */
enum fgft_violation {
	FGFT_V_DOUBLE_FREE,
	FGFT_V_FOREIGN_FREE,       /* freeing/releasing something the driver does not own */
	FGFT_V_UNLOCK_UNLOCKED,
	FGFT_V_RECURSIVE_LOCK,     /* self-deadlock on a single CPU */
	FGFT_V_SLEEP_IN_ATOMIC,
	FGFT_V_BAD_ARGUMENT,       /* e.g. skb_put past the end, bad IRQ number */
	FGFT_V_BUG,                /* BUG()/BUG_ON() */
	FGFT_V_KIND_COUNT
};

typedef void (*fgft_violation_handler_t)(enum fgft_violation kind, struct fgft_owner *owner, const char *msg);
extern fgft_violation_handler_t fgft_violation_handler;
void fgft_default_violation_handler(enum fgft_violation kind, struct fgft_owner *owner, const char *msg);
void fgft_api_violation(enum fgft_violation kind, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *fgft_violation_name(enum fgft_violation kind);
unsigned long fgft_violation_count(enum fgft_violation kind);

#endif
