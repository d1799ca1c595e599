#ifndef _FGFT_LINUX_IF_VLAN_H
#define _FGFT_LINUX_IF_VLAN_H

#include <linux/if_ether.h>
#include <linux/netdevice.h>

#define VLAN_HLEN 4
#define VLAN_ETH_HLEN 18
#define VLAN_ETH_FRAME_LEN 1518
#define VLAN_N_VID 4096

#endif
