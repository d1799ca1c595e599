/* SPDX-License-Identifier: GPL-2.0 */
/*
 * e1000_hw.h - Intel 82540EM (PRO/1000 MT) register map, bits and descriptor
 * layouts, as named in the 8254x Software Developer's Manual.
 */
#ifndef _E1000_HW_H_
#define _E1000_HW_H_

#include <linux/types.h>

#define E1000_DEV_ID_82540EM		0x100E

/* BAR 0 is a 128 KiB memory-mapped register window. */
#define E1000_MMIO_LEN			0x20000

/* ---- register offsets (BAR 0) ---- */
#define E1000_CTRL	0x00000	/* Device Control */
#define E1000_STATUS	0x00008	/* Device Status (read only) */
#define E1000_EECD	0x00010	/* EEPROM/Flash Control */
#define E1000_EERD	0x00014	/* EEPROM Read */
#define E1000_CTRL_EXT	0x00018	/* Extended Device Control */
#define E1000_MDIC	0x00020	/* MDI Control */
#define E1000_ICR	0x000C0	/* Interrupt Cause Read (read to clear) */
#define E1000_ITR	0x000C4	/* Interrupt Throttling Rate */
#define E1000_ICS	0x000C8	/* Interrupt Cause Set */
#define E1000_IMS	0x000D0	/* Interrupt Mask Set/Read */
#define E1000_IMC	0x000D8	/* Interrupt Mask Clear */
#define E1000_RCTL	0x00100	/* Receive Control */
#define E1000_TCTL	0x00400	/* Transmit Control */
#define E1000_TIPG	0x00410	/* Transmit Inter Packet Gap */
#define E1000_RDBAL	0x02800	/* RX Descriptor Base Address Low */
#define E1000_RDBAH	0x02804	/* RX Descriptor Base Address High */
#define E1000_RDLEN	0x02808	/* RX Descriptor Length (bytes) */
#define E1000_RDH	0x02810	/* RX Descriptor Head */
#define E1000_RDT	0x02818	/* RX Descriptor Tail */
#define E1000_RDTR	0x02820	/* RX Delay Timer */
#define E1000_TDBAL	0x03800	/* TX Descriptor Base Address Low */
#define E1000_TDBAH	0x03804	/* TX Descriptor Base Address High */
#define E1000_TDLEN	0x03808	/* TX Descriptor Length (bytes) */
#define E1000_TDH	0x03810	/* TX Descriptor Head */
#define E1000_TDT	0x03818	/* TX Descriptor Tail */
#define E1000_TIDV	0x03820	/* TX Interrupt Delay Value */
#define E1000_MTA	0x05200	/* Multicast Table Array (128 x 32 bits) */
#define E1000_RAL0	0x05400	/* Receive Address Low, entry 0 */
#define E1000_RAH0	0x05404	/* Receive Address High, entry 0 */

/* ---- statistics registers (0x4000-0x40FC, read to clear) ---- */
#define E1000_CRCERRS	0x04000	/* CRC Error Count */
#define E1000_ALGNERRC	0x04004	/* Alignment Error Count */
#define E1000_SYMERRS	0x04008	/* Symbol Error Count */
#define E1000_RXERRC	0x0400C	/* Receive Error Count */
#define E1000_MPC	0x04010	/* Missed Packet Count */
#define E1000_SCC	0x04014	/* Single Collision Count */
#define E1000_ECOL	0x04018	/* Excessive Collision Count */
#define E1000_MCC	0x0401C	/* Multiple Collision Count */
#define E1000_LATECOL	0x04020	/* Late Collision Count */
#define E1000_COLC	0x04028	/* Collision Count */
#define E1000_DC	0x04030	/* Defer Count */
#define E1000_RLEC	0x04040	/* Receive Length Error Count */
#define E1000_GPRC	0x04074	/* Good Packets Received Count */
#define E1000_BPRC	0x04078	/* Broadcast Packets Received Count */
#define E1000_MPRC	0x0407C	/* Multicast Packets Received Count */
#define E1000_GPTC	0x04080	/* Good Packets Transmitted Count */
#define E1000_GORCL	0x04088	/* Good Octets Received Count Low */
#define E1000_GORCH	0x0408C	/* Good Octets Received Count High */
#define E1000_GOTCL	0x04090	/* Good Octets Transmitted Count Low */
#define E1000_GOTCH	0x04094	/* Good Octets Transmitted Count High */
#define E1000_RNBC	0x040A0	/* Receive No Buffers Count */
#define E1000_RUC	0x040A4	/* Receive Undersize Count */
#define E1000_ROC	0x040AC	/* Receive Oversize Count */
#define E1000_TPR	0x040D0	/* Total Packets Received */
#define E1000_TPT	0x040D4	/* Total Packets Transmitted */
#define E1000_MPTC	0x040F0	/* Multicast Packets Transmitted Count */

/* ---- CTRL ---- */
#define E1000_CTRL_FD		0x00000001	/* Full duplex */
#define E1000_CTRL_LRST		0x00000008	/* Link reset */
#define E1000_CTRL_ASDE		0x00000020	/* Auto-speed detection enable */
#define E1000_CTRL_SLU		0x00000040	/* Set link up */
#define E1000_CTRL_FRCSPD	0x00000800	/* Force speed */
#define E1000_CTRL_FRCDPX	0x00001000	/* Force duplex */
#define E1000_CTRL_RST		0x04000000	/* Device reset (self-clearing) */
#define E1000_CTRL_PHY_RST	0x80000000	/* PHY reset */

/* ---- STATUS ---- */
#define E1000_STATUS_FD		0x00000001	/* Full duplex */
#define E1000_STATUS_LU		0x00000002	/* Link up */
#define E1000_STATUS_SPEED_MASK	0x000000C0
#define E1000_STATUS_SPEED_10	0x00000000
#define E1000_STATUS_SPEED_100	0x00000040
#define E1000_STATUS_SPEED_1000	0x00000080

/* ---- EERD ---- */
#define E1000_EERD_START	0x00000001
#define E1000_EERD_DONE		0x00000010
#define E1000_EERD_ADDR_SHIFT	8
#define E1000_EERD_DATA_SHIFT	16

/* EEPROM words 0x00-0x3F sum to this value. */
#define E1000_EEPROM_SUM		0xBABA
#define E1000_EEPROM_CHECKSUM_WORDS	0x40
#define E1000_EEPROM_MAC_ADDR		0x0000	/* words 0-2 */

/* ---- MDIC (PHY registers through the MDI interface) ---- */
#define E1000_MDIC_DATA_MASK	0x0000FFFF
#define E1000_MDIC_REG_SHIFT	16
#define E1000_MDIC_PHY_SHIFT	21
#define E1000_MDIC_OP_WRITE	0x04000000
#define E1000_MDIC_OP_READ	0x08000000
#define E1000_MDIC_READY	0x10000000
#define E1000_MDIC_ERROR	0x40000000
#define E1000_PHY_ADDR		1	/* the 82540EM's internal PHY */
#define E1000_MAX_PHY_REG	0x1F

/* ---- interrupt causes (ICR/ICS/IMS/IMC) ---- */
#define E1000_ICR_TXDW		0x00000001	/* TX descriptor written back */
#define E1000_ICR_TXQE		0x00000002	/* TX queue empty */
#define E1000_ICR_LSC		0x00000004	/* Link status change */
#define E1000_ICR_RXSEQ		0x00000008	/* RX sequence error */
#define E1000_ICR_RXDMT0	0x00000010	/* RX descriptor minimum threshold */
#define E1000_ICR_RXO		0x00000040	/* RX overrun */
#define E1000_ICR_RXT0		0x00000080	/* RX timer interrupt */

#define E1000_IMS_ENABLE_MASK	(E1000_ICR_TXDW | E1000_ICR_LSC | \
				 E1000_ICR_RXSEQ | E1000_ICR_RXDMT0 | \
				 E1000_ICR_RXO | E1000_ICR_RXT0)

/* ---- RCTL ---- */
#define E1000_RCTL_EN		0x00000002	/* Receiver enable */
#define E1000_RCTL_SBP		0x00000004	/* Store bad packets */
#define E1000_RCTL_UPE		0x00000008	/* Unicast promiscuous */
#define E1000_RCTL_MPE		0x00000010	/* Multicast promiscuous */
#define E1000_RCTL_LPE		0x00000020	/* Long packet enable */
#define E1000_RCTL_RDMTS_HALF	0x00000000	/* RXDMT0 at 1/2 of the ring */
#define E1000_RCTL_MO_0		0x00000000	/* MTA hash on bits [47:36] */
#define E1000_RCTL_BAM		0x00008000	/* Broadcast accept mode */
#define E1000_RCTL_SZ_2048	0x00000000	/* BSIZE 00, BSEX 0 */
#define E1000_RCTL_SZ_16384	0x00010000	/* BSIZE 01, BSEX 1 */
#define E1000_RCTL_SZ_8192	0x00020000	/* BSIZE 10, BSEX 1 */
#define E1000_RCTL_SZ_4096	0x00030000	/* BSIZE 11, BSEX 1 */
#define E1000_RCTL_SZ_MASK	0x00030000
#define E1000_RCTL_BSEX		0x02000000	/* Buffer size extension */
#define E1000_RCTL_SECRC	0x04000000	/* Strip Ethernet CRC */

/* ---- TCTL ---- */
#define E1000_TCTL_EN		0x00000002	/* Transmitter enable */
#define E1000_TCTL_PSP		0x00000008	/* Pad short packets */
#define E1000_TCTL_CT_SHIFT	4		/* Collision threshold */
#define E1000_TCTL_COLD_SHIFT	12		/* Collision distance */
#define E1000_COLLISION_THRESHOLD	15
#define E1000_COLLISION_DISTANCE_FD	64

/* TIPG for copper 82540: IPGT 8, IPGR1 8, IPGR2 6 */
#define E1000_TIPG_IPGT_COPPER	8
#define E1000_TIPG_IPGR1_SHIFT	10
#define E1000_TIPG_IPGR1	8
#define E1000_TIPG_IPGR2_SHIFT	20
#define E1000_TIPG_IPGR2	6

/* ---- RAH / MTA ---- */
#define E1000_RAH_AV		0x80000000	/* Receive address valid */
#define E1000_MTA_ENTRIES	128

/* ---- legacy receive descriptor ---- */
struct e1000_rx_desc {
	__le64 buffer_addr;	/* address of the data buffer */
	__le16 length;		/* bytes DMAed into the buffer */
	__le16 csum;		/* packet checksum */
	u8 status;
	u8 errors;
	__le16 special;
};

#define E1000_RXD_STAT_DD	0x01	/* Descriptor done */
#define E1000_RXD_STAT_EOP	0x02	/* End of packet */
#define E1000_RXD_ERR_CE	0x01	/* CRC error */
#define E1000_RXD_ERR_SE	0x02	/* Symbol error */
#define E1000_RXD_ERR_SEQ	0x04	/* Sequence error */
#define E1000_RXD_ERR_CXE	0x10	/* Carrier extension error */
#define E1000_RXD_ERR_RXE	0x80	/* RX data error */
#define E1000_RXD_ERR_FRAME_ERR_MASK	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | \
					 E1000_RXD_ERR_SEQ | E1000_RXD_ERR_CXE | \
					 E1000_RXD_ERR_RXE)

/* ---- legacy transmit descriptor ---- */
struct e1000_tx_desc {
	__le64 buffer_addr;	/* address of the data buffer */
	__le16 length;		/* bytes to send from the buffer */
	u8 cso;			/* checksum offset */
	u8 cmd;
	u8 status;
	u8 css;			/* checksum start */
	__le16 special;
};

#define E1000_TXD_CMD_EOP	0x01	/* End of packet */
#define E1000_TXD_CMD_IFCS	0x02	/* Insert FCS */
#define E1000_TXD_CMD_RS	0x08	/* Report status */
#define E1000_TXD_STAT_DD	0x01	/* Descriptor done */

/* Rings are sized in bytes, a multiple of 128, i.e. of 8 descriptors. */
#define E1000_RING_ALIGN_DESC	8

#endif /* _E1000_HW_H_ */
