#ifndef _FGFT_LINUX_GFP_H
#define _FGFT_LINUX_GFP_H

#include <linux/types.h>

#define __GFP_DMA 0x01u
#define __GFP_HIGHMEM 0x02u
#define __GFP_DMA32 0x04u
#define __GFP_ATOMIC 0x200u
#define __GFP_NOWARN 0x2000u
#define __GFP_ZERO 0x100u
#define __GFP_RECLAIM 0x400u
#define GFP_ATOMIC (__GFP_ATOMIC)
#define GFP_NOWAIT 0x800u
#define GFP_KERNEL (__GFP_RECLAIM)
#define GFP_DMA __GFP_DMA
#define GFP_DMA32 __GFP_DMA32

#endif
