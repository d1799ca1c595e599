/* The transmit and receive engines: legacy descriptors fetched and written back through the IOMMU, frames
 * taking their wire time, interrupt causes TXDW/TXQE/RXT0/RXDMT0/RXO. */
#include <stdlib.h>
#include <string.h>
#include "model.h"

struct legacy_desc {
	u64 addr;
	u16 length;
	u8 b10;  /* TX: CSO; RX: checksum low */
	u8 b11;  /* TX: CMD; RX: checksum high */
	u8 status;
	u8 b13;  /* TX: CSS; RX: errors */
	u16 special;
};

_Static_assert(sizeof(struct legacy_desc) == 16, "legacy descriptors are 16 bytes");

static u64 ring_base(const struct e1000_model *m, u32 bal, u32 bah)
{
	return (u64)reg(m, bah) << 32 | reg(m, bal);
}

static struct legacy_desc *desc_at(struct e1000_model *m, u64 base, u32 idx, int write)
{
	return fgft_dma_translate(m->bdev, base + (u64)idx * 16, 16, write);
}

/* ---------------- transmit ---------------- */

static void tx_complete(void *arg)
{
	struct e1000_model *m = arg;
	u64 base = ring_base(m, E1000_TDBAL, E1000_TDBAH);
	u32 count = reg(m, E1000_TDLEN) / 16, i;
	u32 causes = 0;

	m->tx_event = 0;
	m->tx_busy = 0;
	if (m->link_up && m->wire_tx) {
		m->wire_tx(m->wire_arg, m->tx_frame, m->tx_len);
		m->stats.tx_frames++;
		m->stats.tx_bytes += m->tx_len;
		add_stat(m, E1000_GPTC, 1);
		add_stat(m, E1000_TPT, 1);
		add_stat(m, E1000_GOTCL, m->tx_len + 4);
		add_stat(m, E1000_TOTL, m->tx_len + 4);
	} else {
		m->stats.tx_link_down_drops++;
	}
	for (i = m->tx_first; count && i != m->tx_next; i = (i + 1) % count) {
		struct legacy_desc *d = desc_at(m, base, i, 1);

		if (!d) {
			m->tx_halted = 1;
			m->stats.tx_halts++;
			return;
		}
		if (d->b11 & E1000_TXD_CMD_RS) {
			d->status |= E1000_TXD_STAT_DD;
			causes |= E1000_ICR_TXDW;
		}
	}
	set_reg(m, E1000_TDH, m->tx_next);
	if (m->tx_next == reg(m, E1000_TDT))
		causes |= E1000_ICR_TXQE;
	if (causes)
		e1000_raise(m, causes);
	e1000_tx_kick(m);
}

/* Gather one frame from TDH up to its EOP descriptor; returns 0 when there is no complete frame yet. */
static int tx_gather(struct e1000_model *m, u32 count)
{
	u64 base = ring_base(m, E1000_TDBAL, E1000_TDBAH);
	u32 i = reg(m, E1000_TDH) % count, tail = reg(m, E1000_TDT) % count;

	m->tx_len = 0;
	m->tx_first = i;
	while (i != tail) {
		struct legacy_desc *d = desc_at(m, base, i, 0);
		const u8 *buf;

		if (!d)
			goto dma_error;
		if (d->length) {
			buf = fgft_dma_translate(m->bdev, d->addr, d->length, 0);
			if (!buf)
				goto dma_error;
			if (m->tx_len + d->length <= MAX_FRAME)
				memcpy(m->tx_frame + m->tx_len, buf, d->length);
			m->tx_len += d->length;
		}
		i = (i + 1) % count;
		if (d->b11 & E1000_TXD_CMD_EOP) {
			m->tx_next = i;
			if (m->tx_len > MAX_FRAME)
				m->tx_len = MAX_FRAME;
			return 1;
		}
	}
	return 0; /* the driver has not handed over the end of the frame yet */

dma_error:
	m->stats.dma_blocked++;
	m->stats.tx_halts++;
	m->tx_halted = 1; /* a master abort stops the engine until the next reset */
	return 0;
}

void e1000_tx_kick(struct e1000_model *m)
{
	u32 count = reg(m, E1000_TDLEN) / 16;

	if (m->tx_busy || m->tx_halted || !m->link_up || !(reg(m, E1000_TCTL) & E1000_TCTL_EN) || !count)
		return;
	if (reg(m, E1000_TDH) % count == reg(m, E1000_TDT) % count)
		return;
	if (!tx_gather(m, count))
		return;
	m->tx_busy = 1;
	m->tx_event = fgft_sched_at(fgft_now_ns() + e1000_wire_ns(m->tx_len), tx_complete, m);
}

void e1000_tx_reset(struct e1000_model *m)
{
	if (m->tx_event)
		fgft_sched_cancel(m->tx_event);
	m->tx_event = 0;
	m->tx_busy = 0;
	m->tx_halted = 0;
}

/* ---------------- receive ---------------- */

static unsigned int rx_buffer_size(const struct e1000_model *m)
{
	u32 rctl = reg(m, E1000_RCTL);
	unsigned int bsize = (rctl >> E1000_RCTL_BSIZE_SHIFT) & 3;
	static const unsigned int normal[4] = { 2048, 1024, 512, 256 };
	static const unsigned int extended[4] = { 2048, 16384, 8192, 4096 };

	return (rctl & E1000_RCTL_BSEX) ? extended[bsize] : normal[bsize];
}

static u32 rx_free(const struct e1000_model *m, u32 count)
{
	u32 head = reg(m, E1000_RDH) % count, tail = reg(m, E1000_RDT) % count;

	return (tail + count - head) % count;
}

static void rx_timer(void *arg)
{
	struct e1000_model *m = arg;

	m->rdtr_event = 0;
	e1000_raise(m, E1000_ICR_RXT0);
}

static void rx_done_interrupt(struct e1000_model *m, u32 count)
{
	u32 rdtr = reg(m, E1000_RDTR) & 0xffff;
	u32 threshold = count >> (((reg(m, E1000_RCTL) >> E1000_RCTL_RDMTS_SHIFT) & 3) + 1);
	u32 causes = 0;

	if (rx_free(m, count) <= threshold)
		causes |= E1000_ICR_RXDMT0;
	if (rdtr == 0) {
		causes |= E1000_ICR_RXT0;
	} else {
		/* the receive timer restarts with every frame (packet timer, 1.024 us units) */
		if (m->rdtr_event)
			fgft_sched_cancel(m->rdtr_event);
		m->rdtr_event = fgft_sched_at(fgft_now_ns() + (u64)rdtr * 1024, rx_timer, m);
	}
	if (causes)
		e1000_raise(m, causes);
}

/* DMA one frame into as many descriptors as it needs; returns 0 if it has to wait for descriptors. */
static int rx_deliver(struct e1000_model *m, const struct rx_frame *f, u32 count)
{
	u64 base = ring_base(m, E1000_RDBAL, E1000_RDBAH);
	unsigned int bsize = rx_buffer_size(m), done = 0;
	u32 needed = (f->len + bsize - 1) / bsize;
	int blocked = 0;

	if (rx_free(m, count) < needed)
		return 0;
	while (done < f->len) {
		u32 idx = reg(m, E1000_RDH) % count;
		struct legacy_desc *d = desc_at(m, base, idx, 1);
		unsigned int chunk = f->len - done < bsize ? f->len - done : bsize;
		u64 addr;
		u8 *buf;

		if (!d) {
			m->stats.dma_blocked++;
			m->stats.rx_halts++;
			m->rx_halted = 1;
			return 1; /* the frame is lost with the engine */
		}
		addr = d->addr;
		if (e1000_fault_stale_rx(m, &addr))
			m->stats.stale_dma++;
		else
			e1000_fault_note_rx_buffer(m, d->addr);
		buf = fgft_dma_translate(m->bdev, addr, chunk, 1);
		if (buf)
			memcpy(buf, f->data + done, chunk);
		else
			blocked = 1;
		done += chunk;
		d->length = (u16)(buf ? chunk : 0);
		d->b10 = d->b11 = 0;
		d->b13 = blocked ? E1000_RXD_ERR_RXE : 0;
		d->special = 0;
		d->status = E1000_RXD_STAT_DD | (done >= f->len ? E1000_RXD_STAT_EOP : 0);
		set_reg(m, E1000_RDH, (idx + 1) % count);
	}
	if (blocked) {
		m->stats.dma_blocked++;
	} else {
		m->stats.rx_frames++;
		m->stats.rx_bytes += f->len;
		add_stat(m, E1000_GPRC, 1);
		add_stat(m, E1000_TPR, 1);
		add_stat(m, E1000_GORCL, f->len);
		add_stat(m, E1000_TORL, f->len);
	}
	rx_done_interrupt(m, count);
	return 1;
}

void e1000_rx_drain(struct e1000_model *m)
{
	u32 count = reg(m, E1000_RDLEN) / 16;

	while (m->fifo_head && !m->rx_halted && count && (reg(m, E1000_RCTL) & E1000_RCTL_EN)) {
		struct rx_frame *f = m->fifo_head;

		if (!rx_deliver(m, f, count)) {
			add_stat(m, E1000_RNBC, 1);
			m->stats.rx_no_buffers++;
			return;
		}
		m->fifo_head = f->next;
		if (!m->fifo_head)
			m->fifo_tail = NULL;
		m->fifo_bytes -= f->len;
		free(f);
	}
}

void e1000_rx_reset(struct e1000_model *m)
{
	while (m->fifo_head) {
		struct rx_frame *f = m->fifo_head;

		m->fifo_head = f->next;
		free(f);
	}
	m->fifo_tail = NULL;
	m->fifo_bytes = 0;
	if (m->rdtr_event)
		fgft_sched_cancel(m->rdtr_event);
	m->rdtr_event = 0;
	m->rx_halted = 0;
}

static int address_match(const struct e1000_model *m, const u8 *dst)
{
	u32 rctl = reg(m, E1000_RCTL);
	int i;

	if (rctl & E1000_RCTL_UPE)
		return 1;
	if ((dst[0] & 1) == 0) {
		for (i = 0; i < 16; i++) {
			u32 ral = reg(m, E1000_RAL0 + 8 * (u32)i), rah = reg(m, E1000_RAH0 + 8 * (u32)i);

			if ((rah & E1000_RAH_AV) && dst[0] == (u8)ral && dst[1] == (u8)(ral >> 8) &&
			    dst[2] == (u8)(ral >> 16) && dst[3] == (u8)(ral >> 24) && dst[4] == (u8)rah &&
			    dst[5] == (u8)(rah >> 8))
				return 1;
		}
		return 0;
	}
	if (dst[0] == 0xff && dst[1] == 0xff && dst[2] == 0xff && dst[3] == 0xff && dst[4] == 0xff && dst[5] == 0xff)
		return (rctl & E1000_RCTL_BAM) != 0;
	if (rctl & E1000_RCTL_MPE)
		return 1;
	{
		/* multicast table: 12 bits of the address, selected by RCTL.MO (0 = bits 47:36) */
		unsigned int mo = (rctl >> E1000_RCTL_MO_SHIFT) & 3;
		u32 hash = (((u32)dst[4] >> (4 - mo)) | ((u32)dst[5] << (4 + mo))) & 0xfff;

		return (reg(m, E1000_MTA + 4 * (hash >> 5)) >> (hash & 31)) & 1;
	}
}

/* Ethernet FCS (CRC-32, reflected), table-driven. */
static u32 crc32_le(const u8 *p, unsigned int len)
{
	static u32 table[256];
	u32 crc = 0xffffffffu;
	unsigned int i, b;

	if (!table[1]) {
		for (i = 0; i < 256; i++) {
			u32 c = i;

			for (b = 0; b < 8; b++)
				c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
			table[i] = c;
		}
	}
	for (i = 0; i < len; i++)
		crc = (crc >> 8) ^ table[(crc ^ p[i]) & 0xff];
	return ~crc;
}

void e1000_rx_frame(struct e1000_model *m, const u8 *frame, unsigned int len)
{
	u32 rctl = reg(m, E1000_RCTL);
	unsigned int max = (rctl & E1000_RCTL_LPE) ? MAX_FRAME : 1522;
	unsigned int total = (rctl & E1000_RCTL_SECRC) ? len : len + 4;
	struct rx_frame *f;

	if (!m->link_up)
		return; /* nothing arrives on a dead wire */
	if (!(rctl & E1000_RCTL_EN)) {
		add_stat(m, E1000_MPC, 1);
		m->stats.rx_missed++;
		return;
	}
	if (len < 14 || !address_match(m, frame)) {
		m->stats.rx_filtered++;
		return;
	}
	if (len + 4 > max) {
		add_stat(m, E1000_ROC, 1);
		m->stats.rx_oversize++;
		return;
	}
	if (m->fifo_bytes + total > RX_FIFO_BYTES) {
		add_stat(m, E1000_MPC, 1);
		m->stats.rx_missed++;
		e1000_raise(m, E1000_ICR_RXO);
		return;
	}
	f = malloc(sizeof(*f) + total);
	if (!f)
		return;
	f->next = NULL;
	f->len = total;
	memcpy(f->data, frame, len);
	if (total > len) {
		u32 fcs = crc32_le(frame, len);

		memcpy(f->data + len, &fcs, 4);
	}
	if (m->fifo_tail)
		m->fifo_tail->next = f;
	else
		m->fifo_head = f;
	m->fifo_tail = f;
	m->fifo_bytes += total;
	e1000_rx_drain(m);
}

void e1000_model_wire_rx(struct e1000_model *m, const u8 *frame, unsigned int len)
{
	e1000_rx_frame(m, frame, len);
}
