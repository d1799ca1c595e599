/* linux/string.h: the C library's string functions plus kernel additions. */
#ifndef _FGFT_LINUX_STRING_H
#define _FGFT_LINUX_STRING_H

#include <string.h>
#include <linux/types.h>

ssize_t strscpy(char *dest, const char *src, size_t count);
void *memset32(u32 *s, u32 v, size_t count);

#endif
