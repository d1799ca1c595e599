/* The driver arena (runtime-c/shim/arena.c): what a driver gets from kmalloc & co, vmalloc, netdev_priv and
 * sk_buff data lives apart from the C library's heap, so a wild write past a buffer faults (guard page) or
 * stays in driver memory instead of corrupting the heap the kernel side uses; bad frees are still caught.
 * Usage: arena_test CASE (one case per process: a corrupted heap takes the whole process down). Prints
 * "ok ..." per check, "FAIL ..." and exit 1 on a failed one, "all passed" at the end. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* sigsetjmp, sigaction */
#endif
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <fgft/track.h>
#include <fgft/sim.h>

#define CHECK(cond, what) do { if (!(cond)) { printf("FAIL %s (line %d)\n", what, __LINE__); exit(1); } \
	printf("ok %s\n", what); } while (0)

#define WILD_BYTES 256

static sigjmp_buf on_fault;
static volatile sig_atomic_t faulted;
static int violations[FGFT_V_KIND_COUNT];

static void segv(int sig)
{
	(void)sig;
	faulted = 1;
	siglongjmp(on_fault, 1);
}

static void count_violation(enum fgft_violation kind, struct fgft_owner *owner, const char *msg)
{
	(void)owner;
	(void)msg;
	violations[kind]++;
}

/* A driver's wild write: WILD_BYTES bytes from `at`; returns whether it faulted. */
static int wild_write(unsigned char *at)
{
	faulted = 0;
	if (!sigsetjmp(on_fault, 1)) {
		size_t i;

		for (i = 0; i < WILD_BYTES; i++)
			((volatile unsigned char *)at)[i] = 0x5a;
	}
	return faulted;
}

/* The C library's heap still works: blocks of the sizes the shim uses, allocated and freed. */
static int libc_heap_usable(void)
{
	void *blocks[64];
	int i;

	for (i = 0; i < 64; i++) {
		blocks[i] = malloc((size_t)(16 + 48 * i));
		if (!blocks[i])
			return 0;
		memset(blocks[i], i, (size_t)(16 + 48 * i));
	}
	for (i = 0; i < 64; i++)
		free(blocks[i]);
	return 1;
}

static int all_bytes(const unsigned char *p, size_t n, unsigned char v)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static void case_kmalloc_overrun(void)
{
	unsigned char *p = kmalloc(64, GFP_KERNEL), *q = kmalloc(64, GFP_KERNEL);
	int trapped;

	CHECK(p && q, "two kmalloc(64)");
	memset(q, 0x11, 64);
	trapped = wild_write(p + 64);
	CHECK(all_bytes(q, 64, 0x11), "the neighbouring kmalloc'd buffer is intact");
	kfree(q);
	kfree(p);
	CHECK(libc_heap_usable(), "the C library's heap is intact");
	CHECK(trapped, "a write past the end of a kmalloc'd buffer faulted at once");
	CHECK(fgft_track_count(NULL, FGFT_RES_MEM) == 0, "nothing left tracked");
}

static void case_vmalloc_overrun(void)
{
	unsigned char *p = vmalloc(8192);

	CHECK(p && ((uintptr_t)p & 4095) == 0, "vmalloc memory is page-aligned");
	CHECK(!wild_write(p + 8192 - WILD_BYTES), "its last bytes are writable");
	CHECK(wild_write(p + 8192), "a write past its last page faults");
	vfree(p);
	CHECK(libc_heap_usable(), "the C library's heap is intact");
}

static void case_priv_overrun(void)
{
	struct net_device *dev = alloc_etherdev(200);
	unsigned char *priv;

	CHECK(dev, "alloc_etherdev with a private area");
	priv = netdev_priv(dev);
	CHECK(all_bytes(priv, 200, 0), "the private area is zeroed");
	CHECK(wild_write(priv + 256), "a write past the private area faults");
	CHECK(dev->mtu == ETH_DATA_LEN && dev->addr_len == ETH_ALEN, "the net_device itself is intact");
	free_netdev(dev);
	CHECK(libc_heap_usable(), "the C library's heap is intact");
}

static void case_skb_overrun(void)
{
	struct sk_buff *skb = alloc_skb(1500, GFP_ATOMIC);

	CHECK(skb, "alloc_skb(1500)");
	CHECK(wild_write(skb->head + skb->end + 64), "a write past an skb's data buffer faults");
	CHECK(skb->len == 0 && skb->data >= skb->head, "the sk_buff itself is intact");
	kfree_skb(skb);
	CHECK(libc_heap_usable(), "the C library's heap is intact");
}

static void case_bad_frees(void)
{
	void *p = kmalloc(32, GFP_KERNEL), *libc = malloc(32);

	kfree(p);
	kfree(p);
	CHECK(violations[FGFT_V_DOUBLE_FREE] == 1, "a double kfree is a double-free violation");
	kfree(libc);
	CHECK(violations[FGFT_V_FOREIGN_FREE] == 1, "kfree of memory not from kmalloc is a violation");
	memset(libc, 0x22, 32);
	free(libc);
	vfree((void *)((uintptr_t)kmalloc(64, GFP_KERNEL) + 8)); /* into the middle of an object */
	CHECK(violations[FGFT_V_FOREIGN_FREE] == 2, "freeing a pointer into an object is a violation");
	CHECK(libc_heap_usable(), "the C library's heap is intact");
}

static void case_semantics(void)
{
	unsigned char *p, *q;
	int i;

	for (i = 0; i < 100; i++) { /* dirty runs get reused */
		p = kmalloc((size_t)(1 + i * 37), GFP_KERNEL);
		memset(p, 0xee, (size_t)(1 + i * 37));
		kfree(p);
	}
	p = kzalloc(1000, GFP_KERNEL);
	CHECK(p && all_bytes(p, 1000, 0), "kzalloc memory is zero after reuse");
	CHECK(((uintptr_t)p & 15) == 0 && ksize(p) == 1000, "kmalloc: 16-byte aligned, ksize is the size");
	memset(p, 0x33, 1000);
	q = krealloc(p, 5000, GFP_KERNEL);
	CHECK(q && all_bytes(q, 1000, 0x33) && ksize(q) == 5000, "krealloc keeps the contents");
	kfree(q);
	p = kmalloc(0, GFP_KERNEL);
	CHECK(p != NULL, "kmalloc(0) gives an object that can be freed");
	kfree(p);
	CHECK(fgft_track_count(NULL, FGFT_RES_MEM) == 0 && violations[FGFT_V_DOUBLE_FREE] == 0, "no leak, no violation");
}

static const struct {
	const char *name;
	void (*run)(void);
} cases[] = {
	{ "kmalloc-overrun", case_kmalloc_overrun },
	{ "vmalloc-overrun", case_vmalloc_overrun },
	{ "priv-overrun", case_priv_overrun },
	{ "skb-overrun", case_skb_overrun },
	{ "bad-frees", case_bad_frees },
	{ "semantics", case_semantics },
};

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = segv };
	size_t i;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	fgft_violation_handler = count_violation;
	for (i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++)
		if (strcmp(argv[1], cases[i].name) == 0) {
			cases[i].run();
			printf("all passed\n");
			return 0;
		}
	fprintf(stderr, "usage: arena_test CASE\n");
	return 2;
}
