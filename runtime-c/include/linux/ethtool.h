/* linux/ethtool.h: ethtool operations (Linux 6.x signatures); the harness invokes them like the ethtool tool. */
#ifndef _FGFT_LINUX_ETHTOOL_H
#define _FGFT_LINUX_ETHTOOL_H

#include <linux/types.h>
#include <linux/netdevice.h>

#define ETH_GSTRING_LEN 32
#define ETH_SS_TEST 0
#define ETH_SS_STATS 1
#define ETH_SS_PRIV_FLAGS 2

#define SPEED_10 10
#define SPEED_100 100
#define SPEED_1000 1000
#define SPEED_UNKNOWN -1
#define DUPLEX_HALF 0x00
#define DUPLEX_FULL 0x01
#define DUPLEX_UNKNOWN 0xff
#define PORT_TP 0x00
#define AUTONEG_DISABLE 0x00
#define AUTONEG_ENABLE 0x01

struct netlink_ext_ack {
	const char *_msg;
};
#define NL_SET_ERR_MSG(extack, msg) do { if (extack) (extack)->_msg = (msg); } while (0)
#define NL_SET_ERR_MSG_MOD NL_SET_ERR_MSG

struct ethtool_drvinfo {
	__u32 cmd;
	char driver[32];
	char version[32];
	char fw_version[32];
	char bus_info[32];
	char erom_version[32];
	char reserved2[12];
	__u32 n_priv_flags;
	__u32 n_stats;
	__u32 testinfo_len;
	__u32 eedump_len;
	__u32 regdump_len;
};

struct ethtool_ringparam {
	__u32 cmd;
	__u32 rx_max_pending;
	__u32 rx_mini_max_pending;
	__u32 rx_jumbo_max_pending;
	__u32 tx_max_pending;
	__u32 rx_pending;
	__u32 rx_mini_pending;
	__u32 rx_jumbo_pending;
	__u32 tx_pending;
};

struct kernel_ethtool_ringparam {
	u32 rx_buf_len;
	u8 tcp_data_split;
	u8 tx_push;
	u8 rx_push;
	u32 cqe_size;
	u32 tx_push_buf_len;
	u32 tx_push_buf_max_len;
};

struct ethtool_regs {
	__u32 cmd;
	__u32 version;
	__u32 len;
};

struct ethtool_eeprom {
	__u32 cmd;
	__u32 magic;
	__u32 offset;
	__u32 len;
};

struct ethtool_stats {
	__u32 cmd;
	__u32 n_stats;
};

struct ethtool_pauseparam {
	__u32 cmd;
	__u32 autoneg;
	__u32 rx_pause;
	__u32 tx_pause;
};

struct ethtool_link_settings {
	__u32 cmd;
	__u32 speed;
	__u8 duplex;
	__u8 port;
	__u8 phy_address;
	__u8 autoneg;
	__u8 mdio_support;
	__u8 eth_tp_mdix;
	__u8 eth_tp_mdix_ctrl;
	__s8 link_mode_masks_nwords;
	__u8 transceiver;
};

struct ethtool_link_ksettings {
	struct ethtool_link_settings base;
	struct {
		unsigned long supported[2];
		unsigned long advertising[2];
		unsigned long lp_advertising[2];
	} link_modes;
};

struct ethtool_ops {
	u32 supported_coalesce_params;
	void (*get_drvinfo)(struct net_device *dev, struct ethtool_drvinfo *info);
	int (*get_regs_len)(struct net_device *dev);
	void (*get_regs)(struct net_device *dev, struct ethtool_regs *regs, void *p);
	u32 (*get_msglevel)(struct net_device *dev);
	void (*set_msglevel)(struct net_device *dev, u32 level);
	int (*nway_reset)(struct net_device *dev);
	u32 (*get_link)(struct net_device *dev);
	int (*get_eeprom_len)(struct net_device *dev);
	int (*get_eeprom)(struct net_device *dev, struct ethtool_eeprom *eeprom, u8 *data);
	int (*set_eeprom)(struct net_device *dev, struct ethtool_eeprom *eeprom, u8 *data);
	void (*get_ringparam)(struct net_device *dev, struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kernel_ring, struct netlink_ext_ack *extack);
	int (*set_ringparam)(struct net_device *dev, struct ethtool_ringparam *ring,
			     struct kernel_ethtool_ringparam *kernel_ring, struct netlink_ext_ack *extack);
	void (*get_pauseparam)(struct net_device *dev, struct ethtool_pauseparam *pause);
	int (*set_pauseparam)(struct net_device *dev, struct ethtool_pauseparam *pause);
	void (*get_strings)(struct net_device *dev, u32 stringset, u8 *data);
	int (*get_sset_count)(struct net_device *dev, int sset);
	void (*get_ethtool_stats)(struct net_device *dev, struct ethtool_stats *stats, u64 *data);
	int (*get_link_ksettings)(struct net_device *dev, struct ethtool_link_ksettings *cmd);
	int (*set_link_ksettings)(struct net_device *dev, const struct ethtool_link_ksettings *cmd);
};

u32 ethtool_op_get_link(struct net_device *dev);

#endif
