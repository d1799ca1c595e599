/* linux/slab.h: tracked allocations (FGFT_RES_MEM); kfree of untracked memory is an API violation. */
#ifndef _FGFT_LINUX_SLAB_H
#define _FGFT_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
size_t ksize(const void *objp);
void *kvzalloc(size_t size, gfp_t flags);
void *kvmalloc(size_t size, gfp_t flags);
void kvfree(const void *addr);

#endif
