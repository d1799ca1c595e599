/* The driver arena (arena.c): memory handed to the driver, apart from the C library's heap. Shim-internal. */
#ifndef _FGFT_SHIM_ARENA_H
#define _FGFT_SHIM_ARENA_H

#include <stddef.h>

#define FGFT_ARENA_ZERO 1     /* zero the object */
#define FGFT_ARENA_AT_START 2 /* place it at the start of its pages (page-aligned buffers), not at the end */

/* align: a power of two up to the page size. NULL when the arena is exhausted. */
void *fgft_arena_alloc(size_t size, size_t align, int flags);
/* 0, or -1 if p is not a live arena object (nothing is done then). */
int fgft_arena_free(const void *p);
/* Moves the object (old contents up to the smaller size); p is freed on success. */
void *fgft_arena_realloc(void *p, size_t size, size_t align, int flags);
/* Whether p is a live arena object, and its requested size. With the plain allocator (ASan builds) the shim's
 * own tracking must vouch for p first. */
int fgft_arena_owns(const void *p);
size_t fgft_arena_size(const void *p);
unsigned long fgft_arena_live(void);
/* 1: separate arena with guard pages; 0: the plain allocator (AddressSanitizer build). */
int fgft_arena_isolated(void);

#endif
