/* The resource tracker: an acquisition-ordered list for reverse walks plus a hash on (type, obj) for lookup. */
#include <errno.h>
#include <stdlib.h>
#include "internal.h"

#define TRACK_BUCKETS 4096

static struct fgft_resource *head, *tail; /* oldest .. newest */
static struct fgft_resource *buckets[TRACK_BUCKETS];
static u64 next_seq;
static unsigned long live_count;

static const char *const type_names[FGFT_RES_TYPE_COUNT] = {
	[FGFT_RES_MEM] = "memory",
	[FGFT_RES_IRQ] = "irq",
	[FGFT_RES_DMA_COHERENT] = "dma-coherent",
	[FGFT_RES_DMA_MAP] = "dma-mapping",
	[FGFT_RES_IOMAP] = "io-mapping",
	[FGFT_RES_PCI_ENABLE] = "pci-enable",
	[FGFT_RES_PCI_REGIONS] = "pci-regions",
	[FGFT_RES_PCI_DRIVER] = "pci-driver",
	[FGFT_RES_NETDEV] = "net-device",
	[FGFT_RES_NETDEV_REG] = "net-device-registration",
	[FGFT_RES_NAPI] = "napi",
	[FGFT_RES_TIMER] = "timer",
	[FGFT_RES_WORK] = "work",
	[FGFT_RES_SPINLOCK] = "spinlock-held",
	[FGFT_RES_MUTEX] = "mutex-held",
	[FGFT_RES_SKB] = "sk_buff",
};

const char *fgft_res_type_name(enum fgft_res_type type)
{
	return (unsigned int)type < FGFT_RES_TYPE_COUNT ? type_names[type] : "any";
}

static unsigned int bucket_of(enum fgft_res_type type, const void *obj)
{
	u64 h = ((u64)(uintptr_t)obj >> 3) * 0x9e3779b97f4a7c15ULL + (u64)type * 0x632be59bd9b4e019ULL;

	return (unsigned int)(h >> 52) % TRACK_BUCKETS;
}

struct fgft_resource *fgft_track_find(enum fgft_res_type type, const void *obj)
{
	struct fgft_resource *r;

	for (r = buckets[bucket_of(type, obj)]; r; r = r->hnext)
		if (r->type == type && r->obj == obj)
			return r;
	return NULL;
}

struct fgft_resource *fgft_track_add(enum fgft_res_type type, const void *obj, unsigned long aux)
{
	struct fgft_resource *r = fgft_xzalloc(sizeof(*r));
	unsigned int b = bucket_of(type, obj);

	r->type = type;
	r->obj = obj;
	r->aux = aux;
	r->owner = fgft_current_owner();
	r->seq = next_seq++;
	r->site = NULL;
	r->prev = tail;
	if (tail)
		tail->next = r;
	else
		head = r;
	tail = r;
	r->hnext = buckets[b];
	buckets[b] = r;
	live_count++;
	return r;
}

static void unlink_resource(struct fgft_resource *r)
{
	struct fgft_resource **pp = &buckets[bucket_of(r->type, r->obj)];

	while (*pp != r)
		pp = &(*pp)->hnext;
	*pp = r->hnext;
	if (r->prev)
		r->prev->next = r->next;
	else
		head = r->next;
	if (r->next)
		r->next->prev = r->prev;
	else
		tail = r->prev;
	live_count--;
	free(r);
}

int fgft_track_remove(enum fgft_res_type type, const void *obj)
{
	struct fgft_resource *r = fgft_track_find(type, obj);

	if (!r)
		return -ENOENT;
	unlink_resource(r);
	return 0;
}

void fgft_track_set_owner(struct fgft_resource *res, struct fgft_owner *owner)
{
	res->owner = owner;
}

int fgft_track_for_each_reverse(struct fgft_owner *owner, fgft_track_fn fn, void *arg)
{
	struct fgft_resource *r = tail, *prev;
	int ret;

	while (r) {
		prev = r->prev; /* fn may remove r */
		if (!owner || r->owner == owner) {
			ret = fn(r, arg);
			if (ret)
				return ret;
		}
		r = prev;
	}
	return 0;
}

unsigned long fgft_track_count(struct fgft_owner *owner, enum fgft_res_type type)
{
	struct fgft_resource *r;
	unsigned long n = 0;

	if (!owner && type == FGFT_RES_ANY)
		return live_count;
	for (r = head; r; r = r->next)
		if ((!owner || r->owner == owner) && (type == FGFT_RES_ANY || r->type == type))
			n++;
	return n;
}

unsigned long fgft_track_report_leaks(struct fgft_owner *owner, FILE *out)
{
	struct fgft_resource *r;
	unsigned long n = 0;

	for (r = head; r; r = r->next) {
		if (owner && r->owner != owner)
			continue;
		n++;
		if (out)
			fprintf(out, "leak: %s %p (aux %#lx) owned by %s, acquired #%llu\n", fgft_res_type_name(r->type),
				r->obj, r->aux, r->owner ? r->owner->name : "kernel", (unsigned long long)r->seq);
	}
	return n;
}

void fgft_track_reset(void)
{
	while (head)
		unlink_resource(head);
	next_seq = 0;
}
