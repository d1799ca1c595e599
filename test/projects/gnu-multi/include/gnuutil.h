#ifndef GNU_MULTI_GNUUTIL_H
#define GNU_MULTI_GNUUTIL_H

#include <stddef.h>

unsigned int crc32_le(unsigned int crc, const unsigned char *p, size_t len) __attribute__((pure));
unsigned long str_hash(const char *s) __attribute__((nonnull(1)));
/* Implemented in assembly (asm/checksum.S). */
long asm_add3(long a, long b, long c);

#endif
