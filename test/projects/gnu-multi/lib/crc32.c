// Bitwise CRC-32 (reflected, polynomial 0xedb88320), as the kernel's crc32_le.
#include "gnuutil.h"

#define CRC32_POLY_LE 0xedb88320u

unsigned int crc32_le(unsigned int crc, const unsigned char *p, size_t len)
{
	while (len--) {
		int bit;

		crc ^= *p++;
		for (bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (CRC32_POLY_LE & -(crc & 1u));
	}
	return crc;
}
