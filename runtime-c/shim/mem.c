/* kmalloc & co: memory from the driver arena (arena.c: apart from the C library's heap, guard pages after
 * each object), tracked per owner; bad frees are API violations. */
#include <stdlib.h>
#include <string.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "internal.h"
#include "arena.h"

#define KMALLOC_ALIGN 16 /* what the C library's malloc gave: drivers may keep 16-byte types in kmalloc memory */
#define VMALLOC_ALIGN 4096 /* vmalloc memory is page-aligned, as in the kernel */

#define FREED_RING 4096

static const void *freed_ring[FREED_RING]; /* recently freed pointers, to tell a double free from a wild one */
static unsigned int freed_pos;

void fgft_mem_reset(void)
{
	memset(freed_ring, 0, sizeof(freed_ring));
	freed_pos = 0;
}

static int recently_freed(const void *p)
{
	unsigned int i;

	for (i = 0; i < FREED_RING; i++)
		if (freed_ring[i] == p)
			return 1;
	return 0;
}

static void *alloc_placed(size_t size, gfp_t flags, const char *api, size_t align, int placement)
{
	void *p;

	if (!fgft_policy_allow(FGFT_API_MEM, api))
		return NULL;
	if (!(flags & (GFP_ATOMIC | GFP_NOWAIT)) && !fgft_check_may_sleep(api))
		return NULL;
	p = fgft_arena_alloc(size, align, placement | ((flags & __GFP_ZERO) ? FGFT_ARENA_ZERO : 0));
	if (!p)
		return NULL;
	fgft_track_add(FGFT_RES_MEM, p, size);
	return p;
}

/* kmalloc memory ends where its pages end: an overrun hits the guard page at once. */
static void *alloc_tracked(size_t size, gfp_t flags, const char *api)
{
	return alloc_placed(size, flags, api, KMALLOC_ALIGN, 0);
}

void *kmalloc(size_t size, gfp_t flags)
{
	return alloc_tracked(size, flags, "kmalloc");
}

void *kzalloc(size_t size, gfp_t flags)
{
	return alloc_tracked(size, flags | __GFP_ZERO, "kzalloc");
}

void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return alloc_tracked(n * size, flags, "kmalloc_array");
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return alloc_tracked(n * size, flags | __GFP_ZERO, "kcalloc");
}

/* Returns 1 if p may be released by the current owner, reporting the misuse otherwise. */
static int check_release(const void *p, const char *api)
{
	struct fgft_resource *r = fgft_track_find(FGFT_RES_MEM, p);
	struct fgft_owner *cur = fgft_current_owner();

	if (!r) {
		if (recently_freed(p))
			fgft_api_violation(FGFT_V_DOUBLE_FREE, "%s(%p): already freed", api, p);
		else
			fgft_api_violation(FGFT_V_FOREIGN_FREE, "%s(%p): not allocated by kmalloc", api, p);
		return 0;
	}
	if (cur && r->owner && cur != r->owner && cur->pci_dev && r->owner->pci_dev) {
		fgft_api_violation(FGFT_V_FOREIGN_FREE, "%s(%p): memory belongs to %s", api, p, r->owner->name);
		return 0;
	}
	return 1;
}

static void release(const void *p)
{
	fgft_track_remove(FGFT_RES_MEM, p);
	freed_ring[freed_pos++ % FREED_RING] = p;
	fgft_arena_free(p);
}

void kfree(const void *objp)
{
	if (!objp)
		return;
	if (check_release(objp, "kfree"))
		release(objp);
}

void kfree_sensitive(const void *objp)
{
	struct fgft_resource *r;

	if (!objp)
		return;
	r = fgft_track_find(FGFT_RES_MEM, objp);
	if (r)
		memset((void *)(uintptr_t)objp, 0, r->aux);
	kfree(objp);
}

size_t ksize(const void *objp)
{
	struct fgft_resource *r = objp ? fgft_track_find(FGFT_RES_MEM, objp) : NULL;

	return r ? r->aux : 0;
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	void *n;
	size_t old;

	if (!p)
		return kmalloc(new_size, flags);
	if (!check_release(p, "krealloc"))
		return NULL;
	old = ksize(p);
	n = kmalloc(new_size, flags);
	if (!n)
		return NULL;
	memcpy(n, p, old < new_size ? old : new_size);
	release(p);
	return n;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

void *kvzalloc(size_t size, gfp_t flags)
{
	return kzalloc(size, flags);
}

void *kvmalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags);
}

void kvfree(const void *addr)
{
	kfree(addr);
}

void *vmalloc(unsigned long size)
{
	return alloc_placed(size, GFP_KERNEL, "vmalloc", VMALLOC_ALIGN, FGFT_ARENA_AT_START);
}

void *vzalloc(unsigned long size)
{
	return alloc_placed(size, GFP_KERNEL | __GFP_ZERO, "vzalloc", VMALLOC_ALIGN, FGFT_ARENA_AT_START);
}

void vfree(const void *addr)
{
	kfree(addr);
}
