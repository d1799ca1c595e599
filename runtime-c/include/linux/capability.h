#ifndef _FGFT_LINUX_CAPABILITY_H
#define _FGFT_LINUX_CAPABILITY_H

#define CAP_NET_ADMIN 12
#define CAP_SYS_ADMIN 21

int capable(int cap);

#endif
