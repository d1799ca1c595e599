/* Device-model checks without a driver: the test pokes the 82540EM registers directly (as the kernel, owner
 * NULL) and moves simulated time. Prints one line per check; exits non-zero at the first failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/io.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <fgft/sim.h>
#include <fgft/e1000_model.h>

#define CHECK(cond, what) do { if (!(cond)) { printf("FAIL %s (line %d)\n", what, __LINE__); exit(1); } \
	printf("ok %s\n", what); } while (0)

#define CTRL 0x0000
#define STATUS 0x0008
#define EECD 0x0010
#define EERD 0x0014
#define MDIC 0x0020
#define ICR 0x00C0
#define ICS 0x00C8
#define IMS 0x00D0
#define IMC 0x00D8
#define RCTL 0x0100
#define TCTL 0x0400
#define RDBAL 0x2800
#define RDLEN 0x2808
#define RDH 0x2810
#define RDT 0x2818
#define TDBAL 0x3800
#define TDLEN 0x3808
#define TDH 0x3810
#define TDT 0x3818
#define GPTC 0x4080
#define GPRC 0x4074
#define RAL0 0x5400
#define RAH0 0x5404

static u8 __iomem *hw;
static const u8 mac[6] = { 0x52, 0x54, 0x00, 0xab, 0xcd, 0xef };
static u8 wire[2048];
static unsigned int wire_len, wire_frames;
static int irq_calls;

static u32 rd(u32 r) { return readl(hw + r); }
static void wr(u32 r, u32 v) { writel(v, hw + r); }

static void on_wire(void *arg, const u8 *frame, unsigned int len)
{
	(void)arg;
	memcpy(wire, frame, len);
	wire_len = len;
	wire_frames++;
}

static irqreturn_t on_irq(int irq, void *dev)
{
	(void)irq; (void)dev;
	irq_calls++;
	return rd(ICR) ? IRQ_HANDLED : IRQ_NONE;
}

static u16 eerd_word(unsigned int addr)
{
	wr(EERD, (addr << 8) | 1);
	fgft_advance_ns(2000);
	return (u16)(rd(EERD) >> 16);
}

/* Microwire read of one word by bit-banging EECD, as Linux's e1000 does on the 82540EM. */
static void eecd_clock(u32 *v, int bit)
{
	*v = (*v & ~4u) | (bit ? 4u : 0);
	wr(EECD, *v);
	wr(EECD, *v | 1);
	wr(EECD, *v);
}

static u16 microwire_word(unsigned int addr)
{
	u32 v = 2; /* CS */
	u16 data = 0;
	int i;

	wr(EECD, v);
	for (i = 2; i >= 0; i--)
		eecd_clock(&v, (0x6 >> i) & 1);
	for (i = 5; i >= 0; i--)
		eecd_clock(&v, (int)(addr >> i) & 1);
	for (i = 0; i < 16; i++) {
		wr(EECD, v | 1);
		data = (u16)(data << 1 | ((rd(EECD) >> 3) & 1));
		wr(EECD, v);
	}
	wr(EECD, 0);
	return data;
}

int main(void)
{
	struct e1000_model *m;
	struct fgft_partner *partner;
	struct pci_dev *pdev;
	struct { u64 addr; u16 len; u8 cso, cmd, status, css; u16 special; } *tx, *rx;
	dma_addr_t tx_dma, rx_dma, buf_dma, rxbuf_dma;
	u8 *buf, *rxbuf, frame[100];
	u16 sum = 0;
	unsigned int i;
	u64 t0;

	fgft_machine_reset();
	m = e1000_model_create(mac);
	partner = fgft_partner_create(m, on_wire, NULL);
	pdev = fgft_bus_pci_dev(e1000_model_bus_dev(m));
	CHECK(pdev->vendor == 0x8086 && pdev->device == 0x100E, "the NIC is on the bus as an 82540EM");
	hw = pci_ioremap_bar(pdev, 0);
	CHECK(hw != NULL, "BAR 0 maps");

	for (i = 0; i < 64; i++)
		sum = (u16)(sum + eerd_word(i));
	CHECK(sum == 0xBABA, "EEPROM words 0x00-0x3F sum to 0xBABA");
	CHECK(eerd_word(0) == 0x5452 && eerd_word(1) == 0xab00 && eerd_word(2) == 0xefcd, "EEPROM words 0-2 hold the MAC");
	CHECK(microwire_word(1) == 0xab00 && microwire_word(0x3f) == eerd_word(0x3f), "EECD bit-banged reads match EERD");
	CHECK(rd(RAL0) == 0xab005452 && rd(RAH0) == (0x8000efcdu), "RAL0/RAH0 come out of reset with the MAC, AV set");

	wr(CTRL, rd(CTRL) | (1u << 26));
	CHECK(rd(CTRL) & (1u << 26), "CTRL.RST reads set right after reset");
	fgft_advance_ns(5000);
	CHECK(!(rd(CTRL) & (1u << 26)), "CTRL.RST self-clears within microseconds");

	wr(MDIC, (2u << 26) | (1u << 21) | (2u << 16));
	CHECK((rd(MDIC) & 0x1000ffffu) == 0x10000141u, "MDIC reads the PHY identifier, READY set");
	wr(MDIC, (2u << 26) | (2u << 21) | (2u << 16));
	CHECK(rd(MDIC) & (1u << 30), "MDIC to a PHY address that is not there sets ERROR");

	CHECK(request_irq(pdev->irq, on_irq, 0, "model-test", m) == 0, "the kernel takes the NIC's interrupt line");
	wr(IMS, 0x04);
	t0 = fgft_now_ns();
	wr(CTRL, rd(CTRL) | (1u << 6));
	fgft_sched_run(t0 + 400000000ULL, NULL, NULL);
	CHECK(!(rd(STATUS) & 2), "no link 0.4 s after SLU");
	fgft_sched_run(t0 + 600000000ULL, NULL, NULL);
	CHECK((rd(STATUS) & 0xc3) == 0x83, "link up at 1000 Mb/s full duplex after ~0.5 s auto-negotiation");
	CHECK(irq_calls == 1, "the link change raised one LSC interrupt");
	CHECK(rd(ICR) == 0, "ICR was cleared by the handler's read");

	wr(IMC, 0xffffffff);
	wr(ICS, 0x10);
	fgft_sched_run(fgft_now_ns() + 1000, NULL, NULL);
	CHECK(irq_calls == 1, "a masked cause does not interrupt");
	CHECK(rd(ICR) == 0x10 && rd(ICR) == 0, "ICS sets a cause; ICR reads clear it");

	pci_enable_device(pdev);
	pci_set_master(pdev);
	tx = dma_alloc_coherent(&pdev->dev, 8 * 16, &tx_dma, GFP_KERNEL);
	rx = dma_alloc_coherent(&pdev->dev, 8 * 16, &rx_dma, GFP_KERNEL);
	buf = dma_alloc_coherent(&pdev->dev, 2048, &buf_dma, GFP_KERNEL);
	rxbuf = dma_alloc_coherent(&pdev->dev, 2048, &rxbuf_dma, GFP_KERNEL);
	for (i = 0; i < sizeof(frame); i++)
		frame[i] = (u8)i;
	memcpy(buf, frame, sizeof(frame));
	tx[0].addr = buf_dma;
	tx[0].len = sizeof(frame);
	tx[0].cmd = 0x01 | 0x02 | 0x08; /* EOP IFCS RS */
	wr(TDBAL, (u32)tx_dma);
	wr(TDLEN, 8 * 16);
	wr(TCTL, 2);
	t0 = fgft_now_ns();
	wr(TDT, 1);
	CHECK(wire_frames == 0, "a frame is not on the wire before its wire time");
	fgft_sched_run(t0 + 2000, NULL, NULL);
	CHECK(wire_frames == 1 && wire_len == sizeof(frame) && !memcmp(wire, frame, sizeof(frame)), "the partner receives the frame intact");
	CHECK(tx[0].status & 1, "the RS descriptor is written back with DD");
	CHECK(rd(TDH) == 1, "TDH advanced past the frame");
	CHECK(rd(ICR) == 0x03, "TXDW and TXQE are raised");
	CHECK(rd(GPTC) == 1 && rd(GPTC) == 0, "GPTC counts the frame and clears on read");

	rx[0].addr = rxbuf_dma;
	wr(RDBAL, (u32)rx_dma);
	wr(RDLEN, 8 * 16);
	wr(RDH, 0);
	wr(RDT, 4);
	wr(RCTL, 2 | (1u << 15)); /* EN BAM, FCS kept */
	memcpy(frame, mac, 6);
	fgft_partner_send(partner, frame, sizeof(frame));
	fgft_sched_run(fgft_now_ns() + 2000, NULL, NULL);
	CHECK(rx[0].status == 0x03 && rx[0].len == sizeof(frame) + 4, "a received frame lands with DD|EOP and its FCS");
	CHECK(!memcmp(rxbuf, frame, sizeof(frame)), "the received bytes are the partner's");
	CHECK(rd(RDH) == 1 && (rd(ICR) & 0x80), "RDH advanced and RXT0 raised");
	CHECK(rd(GPRC) == 1, "GPRC counts it");
	frame[0] = 0x00; /* not our address: filtered */
	fgft_partner_send(partner, frame, sizeof(frame));
	fgft_sched_run(fgft_now_ns() + 2000, NULL, NULL);
	CHECK(rd(RDH) == 1, "a frame for another station is filtered");

	dma_free_coherent(&pdev->dev, 2048, rxbuf, rxbuf_dma);
	rx[1].addr = rxbuf_dma; /* the buffer was freed: a stale bus address */
	memcpy(frame, mac, 6);
	fgft_partner_send(partner, frame, sizeof(frame));
	fgft_sched_run(fgft_now_ns() + 2000, NULL, NULL);
	CHECK(fgft_dma_faults() == 1 && (rx[1].css & 0x80) && rx[1].status == 0x03,
	      "DMA to a freed buffer is blocked; the descriptor completes with RXE");
	rx[2].addr = 0x7000; /* never mapped */
	fgft_partner_send(partner, frame, sizeof(frame));
	fgft_sched_run(fgft_now_ns() + 2000, NULL, NULL);
	CHECK(fgft_dma_faults() == 2 && (rx[2].css & 0x80), "DMA to an address never mapped is blocked");
	CHECK(rd(RDH) == 3 && rd(GPRC) == 0, "blocked frames are not counted as received");

	free_irq(pdev->irq, m);
	fgft_partner_destroy(partner);
	printf("all passed\n");
	return 0;
}
