#ifndef _FGFT_LINUX_MII_H
#define _FGFT_LINUX_MII_H

#include <linux/types.h>
#include <linux/if.h>
#include <linux/sockios.h>

#define MII_BMCR 0x00
#define MII_BMSR 0x01
#define MII_PHYSID1 0x02
#define MII_PHYSID2 0x03
#define MII_ADVERTISE 0x04
#define MII_LPA 0x05
#define MII_CTRL1000 0x09
#define MII_STAT1000 0x0a

#define BMCR_RESET 0x8000
#define BMCR_LOOPBACK 0x4000
#define BMCR_SPEED100 0x2000
#define BMCR_ANENABLE 0x1000
#define BMCR_ANRESTART 0x0200
#define BMCR_FULLDPLX 0x0100
#define BMCR_SPEED1000 0x0040
#define BMSR_LSTATUS 0x0004
#define BMSR_ANEGCOMPLETE 0x0020

struct mii_ioctl_data {
	__u16 phy_id;
	__u16 reg_num;
	__u16 val_in;
	__u16 val_out;
};

static inline struct mii_ioctl_data *if_mii(struct ifreq *rq)
{
	return (struct mii_ioctl_data *)&rq->ifr_ifru;
}

#endif
