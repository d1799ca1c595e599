/* asm/barrier.h: memory barriers (x86 semantics; the simulated device sees writes in program order anyway). */
#ifndef _FGFT_ASM_BARRIER_H
#define _FGFT_ASM_BARRIER_H

#define mb() __asm__ __volatile__("mfence" : : : "memory")
#define rmb() __asm__ __volatile__("" : : : "memory")
#define wmb() __asm__ __volatile__("" : : : "memory")
#define dma_rmb() rmb()
#define dma_wmb() wmb()
#define smp_mb() __asm__ __volatile__("" : : : "memory")
#define smp_rmb() smp_mb()
#define smp_wmb() smp_mb()
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define mmiowb() do { } while (0)

#endif
