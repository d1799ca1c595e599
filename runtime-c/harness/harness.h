/* Harness internals shared by the run loop, the workloads and the report. */
#ifndef _FGFT_HARNESS_INTERNAL_H
#define _FGFT_HARNESS_INTERNAL_H

#include <fgft/harness.h>
#include "frame.h"

#define MAX_MODELS 4
#define FRAME_BUF 16384

struct harness {
	const struct fgft_harness_options *o;
	struct fgft_harness_report *r;
	struct e1000_model *models[MAX_MODELS];
	int nmodels;
	struct fgft_partner *partner;
	struct net_device *dev;
	u8 partner_mac[6];
	u8 nic_mac[6];      /* the interface's address and MTU, kept for callbacks that run while a recovery */
	unsigned int mtu;   /* runtime has the interface torn down */
	u64 down_since;     /* the application found the interface gone or down since then (0 = up) */
	struct frame_tracker tx_track; /* frames the partner received */
	struct frame_tracker rx_track; /* frames the application received */
	u64 tx_target, rx_target;
	int next_change;
	int paused;
	u64 pause_started;
	u64 last_progress; /* anything moved (frames, changes): for stall detection */
	u64 last_frame;    /* a frame was offered or arrived: the end of traffic */
	int link_was_up;   /* the partner's view of the carrier at the last step */
	u64 rx_doubt_upto; /* receive frames below this went onto the wire before the carrier dropped: the ones
			    * not delivered by link-up are resent (0 = none in doubt) */
	int rr_waiting;
	u64 rr_seq;
	u64 rr_sent_at;
	u8 buf[FRAME_BUF];
};

extern struct harness *fgft_current_harness;

/* workload.c */
void workload_setup(struct harness *h);
int workload_step(void *arg);
int workload_quiesced(const struct harness *h);
int workload_all_offered(const struct harness *h);
void workload_partner_rx(void *arg, const u8 *frame, unsigned int len);
void workload_app_rx(struct net_device *dev, const u8 *data, unsigned int len, void *arg);
const char *workload_name(enum fgft_workload w);
const char *fgft_change_name(enum fgft_change_kind k);
void workload_settle_link_down(struct harness *h);

#endif
