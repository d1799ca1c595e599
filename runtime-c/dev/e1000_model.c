/* The 82540EM register file: reset, EEPROM (EERD), PHY (MDIC), link and auto-negotiation, interrupt causes. */
#include <stdlib.h>
#include <string.h>
#include "model.h"

static u32 mmio_read(void *ctx, u32 off);
static void mmio_write(void *ctx, u32 off, u32 value);

static const struct fgft_mmio_ops e1000_mmio = {
	.read32 = mmio_read,
	.write32 = mmio_write,
};

u64 e1000_wire_ns(unsigned int len)
{
	unsigned int wire = len < 60 ? 60 : len;

	return (u64)(wire + 4 + 8 + 12) * 8; /* FCS, preamble, inter-frame gap; 1 ns per bit */
}

static void eeprom_init(struct e1000_model *m)
{
	u16 sum = 0;
	int i;

	for (i = 0; i < 64; i++)
		m->eeprom[i] = 0xffff;
	for (i = 0; i < 3; i++)
		m->eeprom[i] = (u16)(m->mac[2 * i] | m->mac[2 * i + 1] << 8);
	m->eeprom[0x0a] = 0x4408; /* initialization control 1 */
	m->eeprom[0x0b] = 0x0000; /* subsystem id */
	m->eeprom[0x0c] = 0x8086; /* subsystem vendor */
	m->eeprom[0x0d] = E1000_MODEL_DEVICE;
	m->eeprom[0x0e] = E1000_MODEL_VENDOR;
	for (i = 0; i < 0x3f; i++)
		sum = (u16)(sum + m->eeprom[i]);
	m->eeprom[0x3f] = (u16)(0xBABA - sum);
}

static void phy_reset(struct e1000_model *m)
{
	memset(m->phy, 0, sizeof(m->phy));
	m->phy[PHY_BMCR] = 0x1140;
	m->phy[PHY_BMSR] = 0x7949;
	m->phy[PHY_ID1] = 0x0141;
	m->phy[PHY_ID2] = 0x0c20;
	m->phy[PHY_ANAR] = 0x01e1;
	m->phy[PHY_1000T_CTRL] = 0x0300;
}

/* The link state as the PHY reports it. */
static u16 phy_read(struct e1000_model *m, unsigned int r)
{
	u16 v = m->phy[r & 31];

	switch (r) {
	case PHY_BMSR:
		return (u16)(v | (m->link_up ? 0x0024 : 0));
	case PHY_ANLPAR:
		return m->link_up ? 0x45e1 : 0;
	case PHY_1000T_STATUS:
		return m->link_up ? 0x3800 : 0;
	case PHY_SPEC_STATUS:
		return m->link_up ? 0xac00 : 0;
	default:
		return v;
	}
}

static void link_event(void *arg)
{
	struct e1000_model *m = arg;

	m->link_event = 0;
	if (reg(m, E1000_CTRL) & E1000_CTRL_SLU && !m->flap_down)
		e1000_set_link(m, 1);
}

void e1000_start_autoneg(struct e1000_model *m, u64 delay_ns)
{
	if (m->link_event)
		fgft_sched_cancel(m->link_event);
	m->link_event = fgft_sched_at(fgft_now_ns() + delay_ns, link_event, m);
}

void e1000_set_link(struct e1000_model *m, int up)
{
	u32 status = reg(m, E1000_STATUS);

	if (m->link_up == up)
		return;
	m->link_up = up;
	if (up)
		status |= E1000_STATUS_LU | E1000_STATUS_FD | E1000_STATUS_SPEED_1000;
	else
		status &= ~E1000_STATUS_LU;
	set_reg(m, E1000_STATUS, status);
	e1000_raise(m, E1000_ICR_LSC);
	if (m->wire_link)
		m->wire_link(m->wire_arg, up);
	if (up) {
		e1000_tx_kick(m);
		e1000_rx_drain(m);
	}
}

void e1000_update_irq(struct e1000_model *m, int new_cause)
{
	int level = (reg(m, E1000_ICR) & reg(m, E1000_IMS)) != 0;

	if (level && new_cause) {
		if (!m->line || m->irq_suppressed)
			m->stats.irq_assertions++;
		m->irq_suppressed = e1000_fault_lose_irq(m);
	}
	if (!level)
		m->irq_suppressed = 0;
	m->line = level && !m->irq_suppressed;
	fgft_irq_set_level(m->irq, m->line);
}

void e1000_raise(struct e1000_model *m, u32 causes)
{
	set_reg(m, E1000_ICR, reg(m, E1000_ICR) | causes);
	e1000_update_irq(m, 1);
}

static void device_reset(struct e1000_model *m)
{
	int i;

	m->stats.resets++;
	e1000_tx_reset(m);
	e1000_rx_reset(m);
	if (m->link_event)
		fgft_sched_cancel(m->link_event);
	m->link_event = 0;
	if (m->link_up) {
		m->link_up = 0;
		if (m->wire_link)
			m->wire_link(m->wire_arg, 0);
	}
	memset(m->regs, 0, sizeof(m->regs));
	set_reg(m, E1000_CTRL, E1000_CTRL_FD | E1000_CTRL_ASDE);
	set_reg(m, E1000_STATUS, E1000_STATUS_FD | E1000_STATUS_SPEED_1000);
	set_reg(m, E1000_EECD, E1000_EECD_PRES);
	set_reg(m, E1000_TCTL, E1000_TCTL_PSP);
	/* the receive address comes out of reset loaded from the EEPROM */
	set_reg(m, E1000_RAL0, (u32)m->mac[0] | (u32)m->mac[1] << 8 | (u32)m->mac[2] << 16 | (u32)m->mac[3] << 24);
	set_reg(m, E1000_RAH0, (u32)m->mac[4] | (u32)m->mac[5] << 8 | E1000_RAH_AV);
	for (i = 0; i < 128; i++)
		set_reg(m, E1000_MTA + 4 * (u32)i, 0);
	phy_reset(m);
	m->irq_suppressed = 0;
	e1000_update_irq(m, 0);
	m->reset_done_ns = fgft_now_ns() + RESET_NS;
	e1000_fault_on_reset(m);
}

struct e1000_model *e1000_model_create(const u8 mac[6])
{
	struct e1000_model *m = calloc(1, sizeof(*m));
	struct fgft_pci_desc desc = {
		.vendor = E1000_MODEL_VENDOR,
		.device = E1000_MODEL_DEVICE,
		.subsystem_vendor = E1000_MODEL_VENDOR,
		.subsystem_device = 0x001E,
		.revision = 2,
		.class = 0x020000,
		.bar0_len = E1000_MODEL_BAR_LEN,
		.mmio = &e1000_mmio,
	};

	if (!m)
		return NULL;
	memcpy(m->mac, mac, 6);
	eeprom_init(m);
	desc.ctx = m;
	m->bdev = fgft_pci_plug(&desc);
	if (!m->bdev) {
		free(m);
		return NULL;
	}
	m->irq = fgft_bus_irq(m->bdev);
	device_reset(m);
	m->stats.resets = 0;
	m->reset_done_ns = 0;
	return m;
}

void e1000_model_destroy(struct e1000_model *m)
{
	if (!m)
		return;
	e1000_rx_reset(m);
	e1000_fault_cancel(m);
	free(m->stuck_snapshot);
	free(m);
}

void e1000_model_set_wire(struct e1000_model *m, e1000_wire_fn tx, e1000_link_fn link, void *arg)
{
	m->wire_tx = tx;
	m->wire_link = link;
	m->wire_arg = arg;
}

int e1000_model_link_up(const struct e1000_model *m) { return m->link_up; }
const struct e1000_model_stats *e1000_model_stats(const struct e1000_model *m) { return &m->stats; }
struct fgft_bus_dev *e1000_model_bus_dev(struct e1000_model *m) { return m->bdev; }

/* EECD bit-banging, Microwire protocol: with CS high, each rising SK edge shifts DI in; after the start bit,
 * the 2-bit opcode (10 = read) and a 6-bit address, data bits shift out on DO, MSB first, one per falling edge,
 * continuing into the following words while CS stays high. */
#define UWIRE_READ 0x6 /* start bit + opcode 10 */

static void write_eecd(struct e1000_model *m, u32 v)
{
	u32 old = reg(m, E1000_EECD);

	set_reg(m, E1000_EECD, (v & ~E1000_EECD_DO) | E1000_EECD_PRES);
	if (!(v & E1000_EECD_CS)) {
		m->uwire_reading = 0;
		return;
	}
	if (!(old & E1000_EECD_CS)) { /* chip select: a new command starts */
		m->uwire_in = 0;
		m->uwire_bits_in = 0;
		m->uwire_reading = 0;
	}
	if (!((old ^ v) & E1000_EECD_SK))
		return;
	if (!(v & E1000_EECD_SK)) { /* falling edge: next output bit */
		if (m->uwire_reading)
			m->uwire_out++;
		return;
	}
	if (m->uwire_reading)
		return;
	m->uwire_in = (m->uwire_in << 1) | ((v & E1000_EECD_DI) ? 1 : 0);
	if (++m->uwire_bits_in == 9) {
		m->uwire_reading = ((m->uwire_in >> 6) & 7) == UWIRE_READ;
		/* the first data bit is presented after the next falling edge */
		m->uwire_out = ((m->uwire_in & 0x3f) << 4) - 1;
	}
}

static u32 eecd_do(const struct e1000_model *m)
{
	unsigned int word = (m->uwire_out >> 4) & 63, bit = 15 - (m->uwire_out & 15);

	if (!m->uwire_reading || m->uwire_bits_in < 9)
		return 0;
	return ((m->eeprom[word] >> bit) & 1) ? E1000_EECD_DO : 0;
}

static u32 read_reg(struct e1000_model *m, u32 off)
{
	u32 v;

	switch (off) {
	case E1000_CTRL:
		v = reg(m, off);
		return fgft_now_ns() < m->reset_done_ns ? v | E1000_CTRL_RST : v;
	case E1000_EECD:
		v = reg(m, off) | E1000_EECD_PRES | eecd_do(m);
		return (v & E1000_EECD_REQ) ? v | E1000_EECD_GNT : v & ~E1000_EECD_GNT;
	case E1000_EERD:
		v = reg(m, off);
		if ((v & E1000_EERD_START) && fgft_now_ns() >= m->eerd_done_ns) {
			unsigned int addr = (v >> 8) & 0xff;
			u16 data = addr < 64 ? m->eeprom[addr] : 0xffff;

			v = (v & 0xff00) | E1000_EERD_DONE | (u32)data << 16;
			set_reg(m, off, v);
		}
		return v;
	case E1000_ICR:
		v = reg(m, off);
		set_reg(m, off, 0); /* read to clear */
		e1000_update_irq(m, 0);
		return v;
	case E1000_ICS:
	case E1000_IMC:
		return 0; /* write-only */
	default:
		break;
	}
	if (off >= E1000_STATS_FIRST && off <= E1000_STATS_LAST) {
		v = reg(m, off);
		set_reg(m, off, 0); /* statistics are read-to-clear */
		return v;
	}
	return reg(m, off);
}

static u32 mmio_read(void *ctx, u32 off)
{
	struct e1000_model *m = ctx;

	if (off >= E1000_MODEL_BAR_LEN)
		return 0xffffffffu;
	return e1000_fault_filter_read(m, off, read_reg(m, off));
}

static void write_ctrl(struct e1000_model *m, u32 v)
{
	u32 old = reg(m, E1000_CTRL);

	if (v & E1000_CTRL_RST) {
		device_reset(m);
		return;
	}
	set_reg(m, E1000_CTRL, v);
	if ((v & (E1000_CTRL_PHY_RST | E1000_CTRL_LRST)) || !(v & E1000_CTRL_SLU)) {
		if (m->link_event)
			fgft_sched_cancel(m->link_event);
		m->link_event = 0;
		e1000_set_link(m, 0);
		return;
	}
	(void)old;
	if (!m->link_up && !m->link_event && !m->flap_down)
		e1000_start_autoneg(m, AUTONEG_NS);
}

static void write_mdic(struct e1000_model *m, u32 v)
{
	unsigned int r = (v >> 16) & 31, phy = (v >> 21) & 31;
	u32 op = v & (3u << 26);

	if (phy != PHY_ADDR) {
		set_reg(m, E1000_MDIC, (v & ~0xffffu) | E1000_MDIC_READY | E1000_MDIC_ERROR);
		return;
	}
	if (op == E1000_MDIC_OP_READ) {
		set_reg(m, E1000_MDIC, (v & ~0xffffu) | phy_read(m, r) | E1000_MDIC_READY);
		return;
	}
	if (op == E1000_MDIC_OP_WRITE) {
		u16 data = (u16)v;

		if (r == PHY_BMCR && (data & (PHY_BMCR_RESET | PHY_BMCR_ANRESTART))) {
			e1000_set_link(m, 0);
			if (reg(m, E1000_CTRL) & E1000_CTRL_SLU)
				e1000_start_autoneg(m, AUTONEG_NS);
			data &= (u16)~(PHY_BMCR_RESET | PHY_BMCR_ANRESTART);
		}
		if (r != PHY_BMSR && r != PHY_ID1 && r != PHY_ID2)
			m->phy[r] = data;
		set_reg(m, E1000_MDIC, v | E1000_MDIC_READY);
		return;
	}
	set_reg(m, E1000_MDIC, v | E1000_MDIC_READY | E1000_MDIC_ERROR);
}

static void mmio_write(void *ctx, u32 off, u32 v)
{
	struct e1000_model *m = ctx;
	u32 old;

	if (off >= E1000_MODEL_BAR_LEN)
		return;
	switch (off) {
	case E1000_CTRL:
		write_ctrl(m, v);
		return;
	case E1000_STATUS:
		return; /* read-only */
	case E1000_EECD:
		write_eecd(m, v);
		return;
	case E1000_EERD:
		set_reg(m, off, v & 0xff01);
		m->eerd_done_ns = fgft_now_ns() + EERD_NS;
		return;
	case E1000_MDIC:
		write_mdic(m, v);
		return;
	case E1000_ICR:
		set_reg(m, off, reg(m, off) & ~v); /* write one to clear */
		e1000_update_irq(m, 0);
		return;
	case E1000_ICS:
		e1000_raise(m, v);
		return;
	case E1000_IMS:
		old = reg(m, off);
		set_reg(m, off, old | v);
		e1000_update_irq(m, (reg(m, E1000_ICR) & v & ~old) != 0);
		return;
	case E1000_IMC:
		set_reg(m, E1000_IMS, reg(m, E1000_IMS) & ~v);
		e1000_update_irq(m, 0);
		return;
	case E1000_RCTL:
		set_reg(m, off, v);
		if (v & E1000_RCTL_EN)
			e1000_rx_drain(m);
		return;
	case E1000_TCTL:
		set_reg(m, off, v);
		e1000_tx_kick(m);
		return;
	case E1000_TDT:
		set_reg(m, off, v & 0xffff);
		e1000_tx_kick(m);
		return;
	case E1000_RDT:
		set_reg(m, off, v & 0xffff);
		e1000_rx_drain(m);
		return;
	case E1000_TDH:
	case E1000_RDH:
		set_reg(m, off, v & 0xffff);
		return;
	case E1000_RDLEN:
	case E1000_TDLEN:
		set_reg(m, off, v & 0xfff80);
		return;
	default:
		set_reg(m, off, v);
	}
}
