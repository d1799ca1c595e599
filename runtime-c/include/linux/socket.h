#ifndef _FGFT_LINUX_SOCKET_H
#define _FGFT_LINUX_SOCKET_H

typedef unsigned short sa_family_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

#define AF_UNSPEC 0

#endif
