/* fgft/e1000_model.h: an Intel 82540EM-class gigabit NIC on the simulated PCI bus, its link partner, and its
 * device-fault modes. Register behaviour follows /work/shared/REFERENCE.md (the datasheet subset). */
#ifndef _FGFT_E1000_MODEL_H
#define _FGFT_E1000_MODEL_H

#include <linux/types.h>

#define E1000_MODEL_VENDOR 0x8086
#define E1000_MODEL_DEVICE 0x100E /* 82540EM desktop */
#define E1000_MODEL_BAR_LEN 0x20000

/* Device-fault modes (bit mask). Each starts a few simulated milliseconds after e1000_model_arm_faults(). */
enum e1000_fault {
	E1000_FAULT_STUCK_REG = 1u << 0,   /* register reads return a frozen snapshot for 2 ms (or until reset) */
	E1000_FAULT_GARBAGE_REG = 1u << 1, /* 1 in 16 register reads returns random bits, for 5 ms */
	E1000_FAULT_LOST_IRQ = 1u << 2,    /* 1 in 4 interrupt assertions is lost (causes stay in ICR) */
	E1000_FAULT_DMA_STALE = 1u << 3,   /* 1 in 50 received frames is DMAed to a buffer address from long ago */
	E1000_FAULT_LINK_FLAP = 1u << 4,   /* the link drops for 10-30 ms, three times */
};

/* Parse "stuck-reg,garbage-reg,lost-irq,dma-stale,link-flap" (also "none"); returns -1 on an unknown name. */
int e1000_fault_parse(const char *list, unsigned int *mask);
const char *e1000_fault_name(unsigned int bit);

struct e1000_model_stats {
	u64 tx_frames, tx_bytes, rx_frames, rx_bytes;
	u64 rx_missed;        /* RCTL.EN off or FIFO overflow */
	u64 rx_no_buffers;    /* frames that had to wait for descriptors */
	u64 rx_oversize;
	u64 rx_filtered;
	u64 tx_link_down_drops;
	u64 dma_blocked;      /* device DMA refused by the IOMMU */
	u64 resets;
	u64 irq_assertions;
	u64 irqs_lost;        /* fault injection */
	u64 stuck_reads;      /* fault injection */
	u64 garbage_reads;    /* fault injection */
	u64 stale_dma;        /* fault injection: stale-address DMA attempts */
	u64 link_flaps;       /* fault injection */
	u64 tx_halts;         /* TX engine stopped on a DMA error (until reset) */
	u64 rx_halts;
};

struct e1000_model;
typedef void (*e1000_wire_fn)(void *arg, const u8 *frame, unsigned int len);
typedef void (*e1000_link_fn)(void *arg, int up);

/* Create a NIC and plug it into the PCI bus. mac: its EEPROM MAC address. */
struct e1000_model *e1000_model_create(const u8 mac[6]);
void e1000_model_destroy(struct e1000_model *m);
/* Frames the NIC transmits arrive here after their wire time; link changes are reported too. */
void e1000_model_set_wire(struct e1000_model *m, e1000_wire_fn tx, e1000_link_fn link, void *arg);
/* A frame (without FCS) arriving from the wire now. */
void e1000_model_wire_rx(struct e1000_model *m, const u8 *frame, unsigned int len);
int e1000_model_link_up(const struct e1000_model *m);
void e1000_model_set_faults(struct e1000_model *m, unsigned int faults);
void e1000_model_arm_faults(struct e1000_model *m);
const struct e1000_model_stats *e1000_model_stats(const struct e1000_model *m);
struct fgft_bus_dev *e1000_model_bus_dev(struct e1000_model *m);
/* Time a frame of len bytes (without FCS) occupies a 1 Gb/s wire, preamble and gap included. */
u64 e1000_wire_ns(unsigned int len);

/* The link partner: sends frames to the NIC at wire speed while the link is up, and receives its frames. */
struct fgft_partner;
typedef void (*fgft_partner_rx_fn)(void *arg, const u8 *frame, unsigned int len);
struct fgft_partner *fgft_partner_create(struct e1000_model *m, fgft_partner_rx_fn rx, void *arg);
void fgft_partner_destroy(struct fgft_partner *p);
/* Queue a frame for sending; it goes out when the wire is free and the link is up. */
void fgft_partner_send(struct fgft_partner *p, const u8 *frame, unsigned int len);
unsigned int fgft_partner_queued(const struct fgft_partner *p);
u64 fgft_partner_sent(const struct fgft_partner *p);

#endif
