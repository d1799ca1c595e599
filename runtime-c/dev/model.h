/* Device-model internals shared by the register file, the DMA engines and the fault injector. */
#ifndef _FGFT_E1000_MODEL_INTERNAL_H
#define _FGFT_E1000_MODEL_INTERNAL_H

#include <fgft/e1000_model.h>
#include <fgft/sim.h>
#include "e1000_regs.h"

#define RX_FIFO_BYTES (48 * 1024) /* 82540EM default packet buffer allocation for receive */
#define MAX_FRAME 16384
#define RESET_NS 3000ULL          /* CTRL.RST self-clears after a few microseconds */
#define AUTONEG_NS 500000000ULL   /* ~0.5 s auto-negotiation, as QEMU's model */
#define EERD_NS 1000ULL

struct rx_frame {
	struct rx_frame *next;
	unsigned int len;
	u8 data[];
};

struct e1000_model {
	struct fgft_bus_dev *bdev;
	unsigned int irq;
	u32 regs[E1000_MODEL_BAR_LEN / 4];
	u16 eeprom[64];
	u16 phy[32];
	u8 mac[6];
	/* timing */
	u64 reset_done_ns;
	u64 eerd_done_ns;
	/* Microwire EEPROM behind EECD (bit-banged by drivers that do not use EERD) */
	u32 uwire_in;        /* bits shifted in: start bit, opcode, address */
	unsigned int uwire_bits_in;
	int uwire_reading;
	unsigned int uwire_out; /* index of the data bit being shifted out (word * 16 + bit) */
	u64 link_event;     /* pending auto-negotiation completion, 0 if none */
	int link_up;
	int line;           /* interrupt line level last reported */
	int irq_suppressed; /* lost-interrupt fault: line held low until a new cause */
	/* receive */
	struct rx_frame *fifo_head, *fifo_tail;
	unsigned int fifo_bytes;
	u64 rdtr_event;
	int rx_halted;
	/* transmit */
	int tx_busy;
	int tx_halted;
	u32 tx_first, tx_next;
	unsigned int tx_len;
	u64 tx_event;
	u8 tx_frame[MAX_FRAME];
	/* the wire */
	e1000_wire_fn wire_tx;
	e1000_link_fn wire_link;
	void *wire_arg;
	/* faults */
	unsigned int faults;
	int faults_armed;   /* modes take effect only after e1000_model_arm_faults() */
	u64 stuck_from, stuck_until;
	u32 *stuck_snapshot;
	u64 garbage_from, garbage_until;
	u64 lost_irq_from;
	u64 stale_from;
	u64 stale_addr;
	unsigned int stale_countdown;
	int flaps_left;
	int flap_down;
	u64 fault_events[4];
	struct e1000_model_stats stats;
};

static inline u32 reg(const struct e1000_model *m, u32 off) { return m->regs[off / 4]; }
static inline void set_reg(struct e1000_model *m, u32 off, u32 v) { m->regs[off / 4] = v; }
static inline void add_stat(struct e1000_model *m, u32 off, u32 n) { m->regs[off / 4] += n; }

/* register file (e1000_model.c) */
void e1000_raise(struct e1000_model *m, u32 causes);
void e1000_update_irq(struct e1000_model *m, int new_cause);
void e1000_set_link(struct e1000_model *m, int up);
void e1000_start_autoneg(struct e1000_model *m, u64 delay_ns);

/* DMA engines (e1000_dma.c) */
void e1000_tx_kick(struct e1000_model *m);
void e1000_tx_reset(struct e1000_model *m);
void e1000_rx_drain(struct e1000_model *m);
void e1000_rx_reset(struct e1000_model *m);
void e1000_rx_frame(struct e1000_model *m, const u8 *frame, unsigned int len);

/* fault injection (e1000_faults.c) */
u32 e1000_fault_filter_read(struct e1000_model *m, u32 off, u32 value);
int e1000_fault_lose_irq(struct e1000_model *m);
int e1000_fault_stale_rx(struct e1000_model *m, u64 *addr);
void e1000_fault_note_rx_buffer(struct e1000_model *m, u64 addr);
void e1000_fault_on_reset(struct e1000_model *m);
void e1000_fault_cancel(struct e1000_model *m);

#endif
