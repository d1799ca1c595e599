#ifndef _FGFT_LINUX_RTNETLINK_H
#define _FGFT_LINUX_RTNETLINK_H

#include <linux/netdevice.h>

void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_is_locked(void);
#define ASSERT_RTNL() do { } while (0)

#endif
