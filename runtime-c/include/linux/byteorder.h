/* Byte order helpers: the simulated machine is little-endian, like x86. */
#ifndef _FGFT_LINUX_BYTEORDER_H
#define _FGFT_LINUX_BYTEORDER_H

#include <linux/types.h>

static inline u16 fgft_swab16(u16 x) { return (u16)((x << 8) | (x >> 8)); }
static inline u32 fgft_swab32(u32 x) { return __builtin_bswap32(x); }
static inline u64 fgft_swab64(u64 x) { return __builtin_bswap64(x); }

#define cpu_to_le16(x) ((__le16)(u16)(x))
#define cpu_to_le32(x) ((__le32)(u32)(x))
#define cpu_to_le64(x) ((__le64)(u64)(x))
#define le16_to_cpu(x) ((u16)(__le16)(x))
#define le32_to_cpu(x) ((u32)(__le32)(x))
#define le64_to_cpu(x) ((u64)(__le64)(x))
#define cpu_to_be16(x) ((__be16)fgft_swab16((u16)(x)))
#define cpu_to_be32(x) ((__be32)fgft_swab32((u32)(x)))
#define cpu_to_be64(x) ((__be64)fgft_swab64((u64)(x)))
#define be16_to_cpu(x) fgft_swab16((u16)(x))
#define be32_to_cpu(x) fgft_swab32((u32)(x))
#define be64_to_cpu(x) fgft_swab64((u64)(x))
#define htons(x) cpu_to_be16(x)
#define ntohs(x) be16_to_cpu(x)
#define htonl(x) cpu_to_be32(x)
#define ntohl(x) be32_to_cpu(x)
#define swab16(x) fgft_swab16(x)
#define swab32(x) fgft_swab32(x)

#endif
