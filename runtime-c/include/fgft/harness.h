/* fgft/harness.h: the harness that loads a driver on the simulated machine, runs a workload through it and
 * verifies every frame. Other runtimes (krecover, fault injection, benchmarks) use these hooks. */
#ifndef _FGFT_HARNESS_H
#define _FGFT_HARNESS_H

#include <stdio.h>
#include <linux/types.h>
#include <linux/netdevice.h>
#include <fgft/sim.h>
#include <fgft/e1000_model.h>

enum fgft_workload {
	FGFT_WL_SEND,   /* application -> driver -> wire -> link partner */
	FGFT_WL_RECV,   /* link partner -> wire -> driver -> application */
	FGFT_WL_RR,     /* request/response, one outstanding */
	FGFT_WL_CONFIG, /* send and receive at once, with configuration changes during traffic */
};

enum fgft_change_kind {
	FGFT_CHANGE_MSGLEVEL,
	FGFT_CHANGE_RING,
	FGFT_CHANGE_MTU,
	FGFT_CHANGE_SUSPEND, /* suspend then resume the device through its pci_driver (value unused) */
};

struct fgft_config_change {
	u64 at_frame;              /* frames offered (both directions) before the change */
	enum fgft_change_kind kind;
	u32 value;
	int applied;
	int result;                /* 0 or the -errno the driver/stack returned */
};

#define FGFT_MAX_CHANGES 16

struct fgft_harness_options {
	enum fgft_workload workload;
	u64 frames;
	u64 seed;
	const char *json_path;
	unsigned int device_faults;  /* E1000_FAULT_* */
	struct fgft_config_change changes[FGFT_MAX_CHANGES];
	int nchanges;
	int quiet;
	int devices;                 /* NICs on the bus (the workload uses the first) */
	unsigned int denied_classes; /* FGFT_GRANT() bits revoked from the driver's policy */
	u64 timeout_ms;              /* simulated-time limit for the workload (0 = derived from frames) */
	int profile;                 /* measure wall time inside the driver (see fgft_profile_enable) */
	const char *runtime_control; /* --krecover "r 1; p restart": commands for the linked recovery runtime */
};

struct fgft_stream_stats {
	u64 offered, delivered, lost, corrupted, duplicated;
	u64 errored; /* not delivered, and the application was told (dropped by a failed driver, link down) */
	u64 resent;  /* re-offered by a retrying stream after the link came back */
};

struct fgft_harness_report {
	const char *workload;
	u64 frames, seed;
	unsigned int device_faults;
	int load_error;              /* module_init / probe / open failure (-errno), 0 if fine */
	struct fgft_stream_stats tx; /* app -> partner (requests in rr) */
	struct fgft_stream_stats rx; /* partner -> app (responses in rr) */
	u64 xmit_busy;               /* ndo_start_xmit returned NETDEV_TX_BUSY */
	u64 config_errors;           /* configuration changes that returned an error */
	u64 rr_timeouts;
	u64 refused;                 /* frames the application gave up on: interface gone or down for 2 s */
	u64 sim_ns, wall_ns;
	u64 driver_ns;               /* wall time inside driver entry points (with --profile) */
	u64 traffic_ns;              /* simulated time from the start of traffic to the last frame moved */
	int timed_out;
	struct e1000_model_stats device;
	u64 tx_timeouts, irq_storms;
	u64 dma_faults;
	u64 denials[4];              /* by enum fgft_denial */
	u64 violations[8];           /* by enum fgft_violation */
	u64 leaks;
	struct fgft_config_change changes[FGFT_MAX_CHANGES];
	int nchanges;
	char driver[32], driver_version[32];   /* ethtool get_drvinfo */
	struct rtnl_link_stats64 driver_stats; /* ndo_get_stats64 at the end of the workload */
	u64 link_downs;              /* the link partner saw the carrier drop during traffic */
	int pass;
	/* Appended: a bring-up that failed because the driver failed, retried after the recovery runtime restarted
	 * it (load_error stays 0 if a retry succeeded). */
	int bringup_retries;
	int bringup_first_error;     /* the first failed attempt's -errno (0: no retry) */
};

/* Parse the command line; returns 0, or prints a gcc-style error and returns -1. */
int fgft_harness_parse(int argc, char **argv, struct fgft_harness_options *opts);
/* Build the machine, load the module, run the workload, unload, check leaks. */
int fgft_harness_run(const struct fgft_harness_options *opts, struct fgft_harness_report *report);
void fgft_harness_print(const struct fgft_harness_report *r, FILE *out);
int fgft_harness_write_json(const struct fgft_harness_report *r, const char *path);
int fgft_harness_main(int argc, char **argv);

/* While a run is in progress: */
struct net_device *fgft_harness_netdev(void);
struct e1000_model *fgft_harness_model(int index);
/* Called once per scheduler step (e.g. a krecover heartbeat); see fgft_sched_add_tick_hook. */
int fgft_harness_add_tick_hook(fgft_tick_hook fn, void *arg);
/* ethtool/ip-style operations on the workload's interface. */
int fgft_harness_set_msglevel(u32 level);
int fgft_harness_set_ringparam(u32 rx, u32 tx);
int fgft_harness_set_mtu(int mtu);

/* A runtime that dropped an application frame the driver still held (krecover at recovery) reports it here:
 * the application sees an error for that frame instead of it being lost silently. */
void fgft_harness_frame_errored(const struct sk_buff *skb);

/* A runtime linked into the harness (krecover) may define this; it takes --krecover's commands (its control
 * interface) and returns 0, or -1 with *error set. */
int fgft_runtime_control(const char *commands, const char **error) __attribute__((weak));

/* A runtime linked into the harness (krecover) may define this; it runs after the machine is built and before
 * the module is loaded. */
void fgft_runtime_init(void) __attribute__((weak));

#endif
