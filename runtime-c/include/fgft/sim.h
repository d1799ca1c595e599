/* fgft/sim.h: the simulated machine as seen by the harness, the device model, and other runtimes (krecover,
 * fault injection): simulated time, the event scheduler and its hooks, the PCI bus and IOMMU, and calls into
 * a loaded driver's entry points the way the kernel makes them. */
#ifndef _FGFT_SIM_H
#define _FGFT_SIM_H

#include <linux/types.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/pci.h>
#include <fgft/track.h>

/* ---- simulated time ---- */
u64 fgft_now_ns(void);
/* Advance the clock by ns, running device-model events that fall due (used by udelay/msleep). */
void fgft_advance_ns(u64 ns);

/* ---- event scheduler ---- */
typedef void (*fgft_event_fn)(void *arg);
/* Schedule a hardware event (device model, link partner) at an absolute time; returns an id for cancel. */
u64 fgft_sched_at(u64 when_ns, fgft_event_fn fn, void *arg);
void fgft_sched_cancel(u64 id);
/* Called once per scheduler step (after pending interrupts, softirqs and work have run). */
typedef void (*fgft_tick_hook)(u64 now_ns, void *arg);
int fgft_sched_add_tick_hook(fgft_tick_hook fn, void *arg);
void fgft_sched_remove_tick_hook(fgft_tick_hook fn, void *arg);
/* Run pending interrupts, NAPI polls, work and timers that are due now; returns how many ran. */
int fgft_sched_run_pending(void);
/* Run the machine until until_ns or until done(arg) returns non-zero. Returns 1 if done, 0 on time-out. */
int fgft_sched_run(u64 until_ns, int (*done)(void *arg), void *arg);
/* Time of the next scheduled event of any kind, or UINT64_MAX if nothing is scheduled. */
u64 fgft_sched_next_event(void);

/* ---- context (maintained around each call into the driver) ---- */
enum fgft_context {
	FGFT_CTX_PROCESS,
	FGFT_CTX_SOFTIRQ,
	FGFT_CTX_HARDIRQ,
};
enum fgft_context fgft_context(void);

/* Hooks around every call from the kernel into a driver entry point (probe, ndo_*, ethtool, irq handler, NAPI
 * poll, timer, work). krecover uses them to open and close its recovery domains. */
struct fgft_entry_hooks {
	void (*enter)(struct fgft_owner *owner, const char *entry, void *arg);
	void (*leave)(struct fgft_owner *owner, const char *entry, void *arg);
	void *arg;
};
void fgft_set_entry_hooks(const struct fgft_entry_hooks *hooks);
/* Bracket a call into the driver: sets owner and context, runs the hooks. Returns the previous state token. */
struct fgft_entry_state {
	struct fgft_owner *owner;
	enum fgft_context ctx;
	const char *entry;
};
struct fgft_entry_state fgft_entry_begin(struct fgft_owner *owner, enum fgft_context ctx, const char *entry);
void fgft_entry_end(struct fgft_entry_state saved);

/* ---- PCI bus, MMIO and interrupts ---- */
struct fgft_mmio_ops {
	u32 (*read32)(void *ctx, u32 offset);
	void (*write32)(void *ctx, u32 offset, u32 value);
};

struct fgft_pci_desc {
	u16 vendor, device, subsystem_vendor, subsystem_device;
	u8 revision;
	u32 class;
	u32 bar0_len;
	const struct fgft_mmio_ops *mmio;
	void *ctx;
};

struct fgft_bus_dev; /* one plugged-in PCI function */
struct fgft_bus_dev *fgft_pci_plug(const struct fgft_pci_desc *desc);
void fgft_pci_unplug_all(void);
struct pci_dev *fgft_bus_pci_dev(struct fgft_bus_dev *bdev);
unsigned int fgft_bus_irq(const struct fgft_bus_dev *bdev);
int fgft_bus_bound(const struct fgft_bus_dev *bdev);
/* Device-side interrupt line (level): the scheduler calls the handler while the line is asserted. */
void fgft_irq_set_level(unsigned int irq, int asserted);
unsigned long fgft_irq_delivered(unsigned int irq);

/* ---- IOMMU: device-side DMA ---- */
/* Translate a bus address range for a device access. Returns the CPU address, or NULL (the access is blocked,
 * logged and counted) if the range is not entirely inside one live mapping owned by the device's driver. */
void *fgft_dma_translate(struct fgft_bus_dev *bdev, dma_addr_t addr, size_t len, int write);
unsigned long fgft_dma_faults(void);
unsigned long fgft_dma_live_mappings(void);
/* dma_unmap_single calls whose size or direction differ from the mapping's (DMA-API debugging's warning). */
unsigned long fgft_dma_unmap_mismatches(void);

/* ---- module and driver entry points, called the way the kernel calls them ---- */
int fgft_module_load(void);    /* module_init (binds drivers to plugged devices) */
void fgft_module_unload(void); /* module_exit */
int fgft_module_loaded(void);
struct net_device *fgft_netdev_get(int index); /* registered net devices in registration order */
int fgft_netdev_open(struct net_device *dev);
int fgft_netdev_close(struct net_device *dev);
netdev_tx_t fgft_netdev_xmit(struct net_device *dev, struct sk_buff *skb);
int fgft_netdev_change_mtu(struct net_device *dev, int mtu);
void fgft_netdev_set_rx_mode(struct net_device *dev, unsigned int flags);
int fgft_netdev_ioctl(struct net_device *dev, struct ifreq *ifr, int cmd);
void fgft_netdev_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *stats);
int fgft_ethtool_set_msglevel(struct net_device *dev, u32 level);
int fgft_ethtool_get_msglevel(struct net_device *dev, u32 *level);
int fgft_ethtool_get_ringparam(struct net_device *dev, struct ethtool_ringparam *ring);
int fgft_ethtool_set_ringparam(struct net_device *dev, u32 rx_pending, u32 tx_pending);
int fgft_ethtool_get_drvinfo(struct net_device *dev, struct ethtool_drvinfo *info);
int fgft_ethtool_get_link(struct net_device *dev);
int fgft_pci_suspend(struct net_device *dev);
int fgft_pci_resume(struct net_device *dev);

/* Where the network stack delivers received frames (netif_receive_skb / napi_gro_receive). */
typedef void (*fgft_rx_sink)(struct net_device *dev, const u8 *data, unsigned int len, void *arg);
void fgft_set_rx_sink(fgft_rx_sink sink, void *arg);
/* Frames the driver freed with dev_kfree_skb* after xmit returned NETDEV_TX_OK count as transmitted by the
 * driver; the harness tracks them by skb->fgft_id. */
typedef void (*fgft_tx_free_hook)(struct sk_buff *skb, void *arg);
void fgft_set_tx_free_hook(fgft_tx_free_hook hook, void *arg);

/* Stack counters the harness reports. */
struct fgft_stack_stats {
	unsigned long rx_delivered;
	unsigned long tx_timeouts;      /* netdev watchdog calls of ndo_tx_timeout */
	unsigned long irq_storms;       /* lines disabled because nobody handled them */
	unsigned long skb_leaks_freed;  /* skbs of an unloaded driver reclaimed by the stack */
};
const struct fgft_stack_stats *fgft_stack_stats(void);

/* Deterministic randomness for the whole machine (get_random_u32, device faults). */
void fgft_seed(u64 seed);
u64 fgft_rand64(void);

/* Machine log: printk and shim messages. quiet suppresses KERN_INFO and below. */
void fgft_log_set_quiet(int quiet);
int fgft_log_is_quiet(void);
void fgft_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Wall-clock profiling of time spent inside driver entry points (off by default: it costs two clock reads per
 * entry). The rest of a run's wall time is the harness's own cost. */
void fgft_profile_enable(int on);
u64 fgft_profile_driver_ns(void);
u64 fgft_wall_ns(void);

/* Reset all machine state (between runs in one process, used by tests). */
void fgft_machine_reset(void);

#endif
