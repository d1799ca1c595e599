/* Shim-internal interfaces between the kernel-API modules and the scheduler. Not for drivers. */
#ifndef _FGFT_SHIM_INTERNAL_H
#define _FGFT_SHIM_INTERNAL_H

#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <fgft/sim.h>
#include <fgft/track.h>
#include <fgft/policy.h>

#define FGFT_NS_PER_JIFFY 1000000ULL

/* Scheduler parts run by fgft_sched_run_pending(); each returns how many callbacks it ran. */
int fgft_irq_run_pending(void);
int fgft_napi_run_pending(void);
int fgft_work_run_pending(void);
int fgft_timer_run_due(void);
int fgft_netdev_watchdog_run(void);
u64 fgft_timer_next_ns(void);
u64 fgft_netdev_watchdog_next_ns(void);
u64 fgft_irq_next_ns(void);
unsigned long fgft_irq_storms(void);
void fgft_sched_hw_reset(void);

/* Per-module state resets (fgft_machine_reset). */
void fgft_irq_reset(void);
void fgft_napi_reset(void);
void fgft_work_reset(void);
void fgft_timer_reset(void);
void fgft_netdev_reset(void);
void fgft_dma_reset(void);
void fgft_io_reset(void);
void fgft_pci_reset(void);
void fgft_lock_reset(void);
void fgft_mem_reset(void);
void fgft_owner_reset(void);
void fgft_policy_reset(void);
void fgft_violation_reset(void);

/* Held-lock depth of the current CPU: sleeping is illegal while it is non-zero. */
int fgft_locks_held_atomic(void);
int fgft_irqs_off(void);
/* Report sleeping in atomic context; returns 1 if the caller may go on sleeping. */
int fgft_check_may_sleep(const char *what);

/* PCI helpers for the other modules. */
struct fgft_bus_dev *fgft_pci_bus_dev_of_irq(unsigned int irq);
struct fgft_owner *fgft_bus_dev_owner(const struct fgft_bus_dev *bdev);
const char *fgft_bus_dev_driver_name(const struct fgft_bus_dev *bdev);
int fgft_bus_dev_read_bar(struct fgft_bus_dev *bdev, u32 offset, u32 *value);
int fgft_bus_dev_write_bar(struct fgft_bus_dev *bdev, u32 offset, u32 value);
struct fgft_bus_dev *fgft_pci_find_bar(phys_addr_t phys, size_t len, u32 *offset);
u64 fgft_bus_dev_dma_mask(const struct fgft_bus_dev *bdev);

/* net device list for the watchdog and the harness. */
void fgft_netdev_unregister_all_of(struct fgft_owner *owner);
void fgft_skb_mark_stack_owned(struct sk_buff *skb);
void fgft_skb_mark_driver_owned(struct sk_buff *skb, struct fgft_owner *owner);
void fgft_stack_stats_mut_tx_timeout(void);
void fgft_stack_stats_mut_irq_storm(void);
void fgft_stack_stats_mut_rx(void);

/* Internal allocation that is not charged to the driver. */
void *fgft_xzalloc(size_t size);

#endif
