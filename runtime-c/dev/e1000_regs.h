/* 82540EM register offsets and bits used by the device model (names from the datasheet). */
#ifndef _FGFT_E1000_REGS_H
#define _FGFT_E1000_REGS_H

#define E1000_CTRL 0x0000
#define E1000_STATUS 0x0008
#define E1000_EECD 0x0010
#define E1000_EERD 0x0014
#define E1000_CTRL_EXT 0x0018
#define E1000_MDIC 0x0020
#define E1000_ICR 0x00C0
#define E1000_ITR 0x00C4
#define E1000_ICS 0x00C8
#define E1000_IMS 0x00D0
#define E1000_IMC 0x00D8
#define E1000_RCTL 0x0100
#define E1000_TCTL 0x0400
#define E1000_TIPG 0x0410
#define E1000_RDBAL 0x2800
#define E1000_RDBAH 0x2804
#define E1000_RDLEN 0x2808
#define E1000_RDH 0x2810
#define E1000_RDT 0x2818
#define E1000_RDTR 0x2820
#define E1000_TDBAL 0x3800
#define E1000_TDBAH 0x3804
#define E1000_TDLEN 0x3808
#define E1000_TDH 0x3810
#define E1000_TDT 0x3818
#define E1000_TIDV 0x3820
#define E1000_STATS_FIRST 0x4000
#define E1000_STATS_LAST 0x40FC
#define E1000_CRCERRS 0x4000
#define E1000_MPC 0x4010
#define E1000_GPRC 0x4074
#define E1000_BPRC 0x4078
#define E1000_MPRC 0x407C
#define E1000_GPTC 0x4080
#define E1000_GORCL 0x4088
#define E1000_GORCH 0x408C
#define E1000_GOTCL 0x4090
#define E1000_GOTCH 0x4094
#define E1000_RNBC 0x40A0
#define E1000_ROC 0x40AC
#define E1000_TORL 0x40C0
#define E1000_TOTL 0x40C8
#define E1000_TPR 0x40D0
#define E1000_TPT 0x40D4
#define E1000_MTA 0x5200
#define E1000_RAL0 0x5400
#define E1000_RAH0 0x5404

#define E1000_CTRL_FD (1u << 0)
#define E1000_CTRL_LRST (1u << 3)
#define E1000_CTRL_ASDE (1u << 5)
#define E1000_CTRL_SLU (1u << 6)
#define E1000_CTRL_RST (1u << 26)
#define E1000_CTRL_PHY_RST (1u << 31)

#define E1000_STATUS_FD (1u << 0)
#define E1000_STATUS_LU (1u << 1)
#define E1000_STATUS_SPEED_1000 (2u << 6)

#define E1000_EECD_SK (1u << 0)
#define E1000_EECD_CS (1u << 1)
#define E1000_EECD_DI (1u << 2)
#define E1000_EECD_DO (1u << 3)
#define E1000_EECD_REQ (1u << 6)
#define E1000_EECD_GNT (1u << 7)
#define E1000_EECD_PRES (1u << 8)

#define E1000_EERD_START (1u << 0)
#define E1000_EERD_DONE (1u << 4)

#define E1000_MDIC_OP_WRITE (1u << 26)
#define E1000_MDIC_OP_READ (2u << 26)
#define E1000_MDIC_READY (1u << 28)
#define E1000_MDIC_ERROR (1u << 30)

#define E1000_ICR_TXDW 0x01u
#define E1000_ICR_TXQE 0x02u
#define E1000_ICR_LSC 0x04u
#define E1000_ICR_RXSEQ 0x08u
#define E1000_ICR_RXDMT0 0x10u
#define E1000_ICR_RXO 0x40u
#define E1000_ICR_RXT0 0x80u

#define E1000_RCTL_EN (1u << 1)
#define E1000_RCTL_SBP (1u << 2)
#define E1000_RCTL_UPE (1u << 3)
#define E1000_RCTL_MPE (1u << 4)
#define E1000_RCTL_LPE (1u << 5)
#define E1000_RCTL_RDMTS_SHIFT 8
#define E1000_RCTL_MO_SHIFT 12
#define E1000_RCTL_BAM (1u << 15)
#define E1000_RCTL_BSIZE_SHIFT 16
#define E1000_RCTL_BSEX (1u << 25)
#define E1000_RCTL_SECRC (1u << 26)

#define E1000_TCTL_EN (1u << 1)
#define E1000_TCTL_PSP (1u << 3)

#define E1000_RAH_AV (1u << 31)

#define E1000_RXD_STAT_DD 0x01u
#define E1000_RXD_STAT_EOP 0x02u
#define E1000_RXD_ERR_RXE 0x80u

#define E1000_TXD_CMD_EOP 0x01u
#define E1000_TXD_CMD_IFCS 0x02u
#define E1000_TXD_CMD_RS 0x08u
#define E1000_TXD_CMD_DEXT 0x20u
#define E1000_TXD_STAT_DD 0x01u

/* PHY (MII) registers, M88E1011-like */
#define PHY_BMCR 0x00
#define PHY_BMSR 0x01
#define PHY_ID1 0x02
#define PHY_ID2 0x03
#define PHY_ANAR 0x04
#define PHY_ANLPAR 0x05
#define PHY_1000T_CTRL 0x09
#define PHY_1000T_STATUS 0x0A
#define PHY_SPEC_STATUS 0x11
#define PHY_BMCR_RESET 0x8000
#define PHY_BMCR_ANRESTART 0x0200
#define PHY_ADDR 1

#endif
