/* The driver arena: memory the driver gets from kmalloc & co, vmalloc, dma_alloc_coherent, its netdev_priv
 * area and sk_buff data buffers, kept apart from the C library's heap, as an isolating kernel (Nooks) gives
 * each driver its own heap. A driver's wild write past its buffer then lands in a guard page (a processor
 * fault inside the driver: recoverable) or in other driver memory, never in the heap that the shim, the
 * device model and the harness allocate from.
 *
 * One large reservation (PROT_NONE, no swap reserved) is carved into runs of whole pages; each run is
 * followed by a page that is never made accessible. Objects are placed at the END of their run (rounded to
 * their alignment), so an overrun of more than the rounding faults at once; page-aligned objects (DMA
 * buffers, vmalloc) start at the run's first page, as the kernel gives them. The allocator's bookkeeping
 * (which run a page belongs to, its size, free lists) lives outside the arena, so no write into the arena
 * can corrupt it. Freed runs are kept accessible and reused for runs of the same page count. Each live run
 * costs two kernel mappings (its pages, its guard): tens of thousands of live objects at most, plenty for a
 * driver; past that (or past 1 GiB) an allocation fails as kmalloc does, with NULL.
 *
 * Under AddressSanitizer the plain allocator is used instead, so that ASan keeps checking every access and
 * its leak check still sees driver memory. The simulated machine is single-threaded. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE, posix_memalign */
#endif
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "arena.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_PLAIN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_PLAIN 1
#endif
#endif

#define ARENA_PAGE 4096UL
#define ARENA_PAGES (1UL << 18)  /* 1 GiB of address space; only pages handed out are backed */
#define ARENA_REUSE_MAX 256      /* free runs up to this many pages are reused; larger ones are unmapped */

static unsigned long live_objects;

#ifndef ARENA_PLAIN
struct arena_run {
	uint32_t first;      /* page index of the run's first page */
	uint32_t pages;      /* accessible pages (the guard page follows) */
	uint32_t offset;     /* the object's offset in the run */
	uint32_t next_free;  /* free list link (run index + 1; 0 ends the list) */
	size_t size;         /* requested size */
	int live;
};

static unsigned char *arena_base;
static uint32_t arena_next_page = 1; /* page 0 stays a guard below the first run */
static uint32_t *page_run;           /* per page: run index + 1 (0: no run) */
static struct arena_run *runs;
static uint32_t nruns, runs_cap;
static uint32_t free_head[ARENA_REUSE_MAX + 1];
static int arena_failed;


static int arena_init(void)
{
	void *base;

	if (arena_base)
		return 0;
	if (arena_failed)
		return -1;
	base = mmap(NULL, ARENA_PAGES * ARENA_PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	page_run = calloc(ARENA_PAGES, sizeof(*page_run));
	if (base == MAP_FAILED || !page_run) {
		fprintf(stderr, "fgft: cannot reserve the driver arena: %s\n", strerror(errno));
		if (base != MAP_FAILED)
			munmap(base, ARENA_PAGES * ARENA_PAGE);
		free(page_run);
		page_run = NULL;
		arena_failed = 1;
		return -1;
	}
	arena_base = base;
	return 0;
}

static int grow_runs(void)
{
	uint32_t cap = runs_cap ? runs_cap * 2 : 256;
	struct arena_run *n = realloc(runs, cap * sizeof(*runs));

	if (!n)
		return -1;
	runs = n;
	runs_cap = cap;
	return 0;
}

/* A run of `pages` accessible pages: a freed one of that size, or fresh pages after the last run. */
static struct arena_run *get_run(uint32_t pages)
{
	struct arena_run *r;
	uint32_t i;

	if (pages <= ARENA_REUSE_MAX && free_head[pages]) {
		r = &runs[free_head[pages] - 1];
		free_head[pages] = r->next_free;
		r->next_free = 0;
		return r;
	}
	if ((size_t)arena_next_page + pages + 1 > ARENA_PAGES || (nruns == runs_cap && grow_runs()))
		return NULL;
	if (mprotect(arena_base + (size_t)arena_next_page * ARENA_PAGE, (size_t)pages * ARENA_PAGE,
		     PROT_READ | PROT_WRITE))
		return NULL;
	r = &runs[nruns++];
	*r = (struct arena_run){ .first = arena_next_page, .pages = pages };
	for (i = 0; i < pages; i++)
		page_run[arena_next_page + i] = nruns;
	arena_next_page += pages + 1; /* + the guard page, never made accessible */
	return r;
}

static struct arena_run *run_of(const void *p)
{
	const unsigned char *c = p;
	uint32_t id;

	if (!arena_base || c < arena_base || c >= arena_base + ARENA_PAGES * ARENA_PAGE)
		return NULL;
	id = page_run[(size_t)(c - arena_base) / ARENA_PAGE];
	return id ? &runs[id - 1] : NULL;
}

static unsigned char *object_of(const struct arena_run *r)
{
	return arena_base + (size_t)r->first * ARENA_PAGE + r->offset;
}

void *fgft_arena_alloc(size_t size, size_t align, int flags)
{
	struct arena_run *r;
	size_t rounded, pages;

	if (!size)
		size = 1;
	if (!align || (align & (align - 1)) || align > ARENA_PAGE || size > (ARENA_PAGES / 2) * ARENA_PAGE ||
	    arena_init())
		return NULL;
	rounded = (size + align - 1) & ~(align - 1);
	pages = (rounded + ARENA_PAGE - 1) / ARENA_PAGE;
	r = get_run((uint32_t)pages);
	if (!r)
		return NULL;
	r->offset = (flags & FGFT_ARENA_AT_START) ? 0 : (uint32_t)(pages * ARENA_PAGE - rounded);
	r->size = size;
	r->live = 1;
	live_objects++;
	if (flags & FGFT_ARENA_ZERO)
		memset(object_of(r), 0, size);
	return object_of(r);
}

int fgft_arena_free(const void *p)
{
	struct arena_run *r = run_of(p);

	if (!r || !r->live || object_of(r) != (const unsigned char *)p)
		return -1;
	r->live = 0;
	live_objects--;
	if (r->pages <= ARENA_REUSE_MAX) {
		r->next_free = free_head[r->pages];
		free_head[r->pages] = (uint32_t)(r - runs) + 1;
		return 0;
	}
	/* Large runs give their memory back and become inaccessible: a later access through a stale pointer
	 * faults. Their address range is not reused. */
	mmap(arena_base + (size_t)r->first * ARENA_PAGE, (size_t)r->pages * ARENA_PAGE, PROT_NONE,
	     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
	return 0;
}

int fgft_arena_owns(const void *p)
{
	const struct arena_run *r = run_of(p);

	return r && r->live && object_of(r) == (const unsigned char *)p;
}

size_t fgft_arena_size(const void *p)
{
	return fgft_arena_owns(p) ? run_of(p)->size : 0;
}

int fgft_arena_isolated(void)
{
	return 1;
}

#else /* ARENA_PLAIN: AddressSanitizer's allocator does the isolation and the checking */

/* Just below each object (only ever read for pointers the shim's tracking says came from here). */
struct plain_header {
	void *block;
	size_t size;
};

#define PLAIN_HEADER 64 /* a multiple of every alignment up to 64 */

void *fgft_arena_alloc(size_t size, size_t align, int flags)
{
	size_t lead;
	unsigned char *block;
	struct plain_header *h;

	if (!size)
		size = 1;
	if (!align || (align & (align - 1)) || align > ARENA_PAGE || size > SIZE_MAX - ARENA_PAGE)
		return NULL;
	lead = align > PLAIN_HEADER ? align : PLAIN_HEADER;
	if (posix_memalign((void **)&block, lead, lead + size))
		return NULL;
	h = (struct plain_header *)(block + lead) - 1;
	h->block = block;
	h->size = size;
	if (flags & FGFT_ARENA_ZERO)
		memset(block + lead, 0, size);
	live_objects++;
	return block + lead;
}

int fgft_arena_free(const void *p)
{
	const struct plain_header *h = (const struct plain_header *)p - 1;

	if (!p)
		return -1;
	live_objects--;
	free(h->block);
	return 0;
}

int fgft_arena_owns(const void *p)
{
	return p != NULL;
}

size_t fgft_arena_size(const void *p)
{
	return p ? ((const struct plain_header *)p - 1)->size : 0;
}

int fgft_arena_isolated(void)
{
	return 0;
}

#endif

unsigned long fgft_arena_live(void)
{
	return live_objects;
}

void *fgft_arena_realloc(void *p, size_t size, size_t align, int flags)
{
	size_t old = fgft_arena_size(p);
	void *n = fgft_arena_alloc(size, align, flags & ~FGFT_ARENA_ZERO);

	if (!n)
		return NULL;
	if (old)
		memcpy(n, p, old < size ? old : size);
	fgft_arena_free(p);
	return n;
}
