#ifndef _FGFT_LINUX_CONTAINER_OF_H
#define _FGFT_LINUX_CONTAINER_OF_H

#include <stddef.h>

#define container_of(ptr, type, member) ((type *)(void *)((char *)(ptr) - offsetof(type, member)))

#endif
