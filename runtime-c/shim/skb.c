/* Socket buffers: one linear data area. Buffers the driver owns are tracked (allocated by it, or handed to it
 * by a successful ndo_start_xmit); the stack takes them back in netif_receive_skb and the free functions. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include "internal.h"
#include "arena.h"

/* Data buffers are written by the driver: they come from the driver arena (arena.c), end-aligned so that
 * writing past the end faults; the sk_buff itself is the stack's and stays in the C library's heap. */
#define SKB_DATA_ALIGN 64

/* The buffer pointer lives in an sk_buff the driver can write. One it overwrote is not a buffer the arena
 * handed out: the kernel's allocator would oops on it, and so does the shim (a processor fault in kernel
 * code; krecover abandons that one release during compensation), without touching any heap. */
static void free_skb_data(struct sk_buff *skb)
{
	if (fgft_arena_free(skb->head))
		raise(SIGSEGV);
}

#define FREED_RING 1024

static const void *freed_ring[FREED_RING];
static unsigned int freed_pos;
static fgft_rx_sink rx_sink;
static void *rx_sink_arg;
static fgft_tx_free_hook tx_free_hook;
static void *tx_free_arg;

void fgft_set_rx_sink(fgft_rx_sink sink, void *arg)
{
	rx_sink = sink;
	rx_sink_arg = arg;
}

void fgft_set_tx_free_hook(fgft_tx_free_hook hook, void *arg)
{
	tx_free_hook = hook;
	tx_free_arg = arg;
}

void fgft_skb_mark_driver_owned(struct sk_buff *skb, struct fgft_owner *owner)
{
	struct fgft_owner *saved = fgft_set_current_owner(owner);

	if (!fgft_track_find(FGFT_RES_SKB, skb))
		fgft_track_add(FGFT_RES_SKB, skb, skb->end);
	fgft_set_current_owner(saved);
}

void fgft_skb_mark_stack_owned(struct sk_buff *skb)
{
	fgft_track_remove(FGFT_RES_SKB, skb);
}

static struct sk_buff *skb_new(unsigned int size, unsigned int headroom, const char *api)
{
	struct sk_buff *skb;

	if (fgft_current_owner() && !fgft_policy_allow(FGFT_API_NET, api))
		return NULL;
	skb = calloc(1, sizeof(*skb));
	if (!skb)
		return NULL;
	skb->head = fgft_arena_alloc(size + headroom, SKB_DATA_ALIGN, 0);
	if (!skb->head) {
		free(skb);
		return NULL;
	}
	skb->data = skb->head;
	skb->end = size + headroom;
	skb->truesize = (unsigned int)sizeof(*skb) + skb->end;
	skb->data += headroom;
	skb->tail = headroom;
	if (fgft_current_owner())
		fgft_track_add(FGFT_RES_SKB, skb, skb->end);
	return skb;
}

struct sk_buff *alloc_skb(unsigned int size, gfp_t priority)
{
	if (!(priority & (GFP_ATOMIC | GFP_NOWAIT)) && !fgft_check_may_sleep("alloc_skb"))
		return NULL;
	return skb_new(size, 0, "alloc_skb");
}

struct sk_buff *dev_alloc_skb(unsigned int length)
{
	return skb_new(length, NET_SKB_PAD, "dev_alloc_skb");
}

struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length)
{
	struct sk_buff *skb = skb_new(length, NET_SKB_PAD, "netdev_alloc_skb");

	if (skb)
		skb->dev = dev;
	return skb;
}

struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length)
{
	struct sk_buff *skb = skb_new(length + NET_IP_ALIGN, NET_SKB_PAD, "netdev_alloc_skb_ip_align");

	if (skb) {
		skb->dev = dev;
		skb_reserve(skb, NET_IP_ALIGN);
	}
	return skb;
}

struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length)
{
	return netdev_alloc_skb_ip_align(napi ? napi->dev : NULL, length);
}

static int recently_freed(const void *p)
{
	unsigned int i;

	for (i = 0; i < FREED_RING; i++)
		if (freed_ring[i] == p)
			return 1;
	return 0;
}

static void skb_release(struct sk_buff *skb, const char *api)
{
	struct fgft_resource *r;

	if (!skb)
		return;
	r = fgft_track_find(FGFT_RES_SKB, skb);
	if (fgft_current_owner() && !r) {
		if (recently_freed(skb))
			fgft_api_violation(FGFT_V_DOUBLE_FREE, "%s(%p): sk_buff already freed", api, (void *)skb);
		else
			fgft_api_violation(FGFT_V_FOREIGN_FREE, "%s(%p): sk_buff not owned by the driver", api,
					   (void *)skb);
		return;
	}
	if (r)
		fgft_track_remove(FGFT_RES_SKB, skb);
	if (skb->fgft_id && tx_free_hook)
		tx_free_hook(skb, tx_free_arg);
	freed_ring[freed_pos++ % FREED_RING] = skb;
	free_skb_data(skb);
	free(skb);
}

void kfree_skb(struct sk_buff *skb) { skb_release(skb, "kfree_skb"); }
void consume_skb(struct sk_buff *skb) { skb_release(skb, "consume_skb"); }
void dev_kfree_skb(struct sk_buff *skb) { skb_release(skb, "dev_kfree_skb"); }
void dev_kfree_skb_any(struct sk_buff *skb) { skb_release(skb, "dev_kfree_skb_any"); }
void dev_kfree_skb_irq(struct sk_buff *skb) { skb_release(skb, "dev_kfree_skb_irq"); }
void dev_consume_skb_any(struct sk_buff *skb) { skb_release(skb, "dev_consume_skb_any"); }
void napi_consume_skb(struct sk_buff *skb, int budget) { (void)budget; skb_release(skb, "napi_consume_skb"); }

void *skb_put(struct sk_buff *skb, unsigned int len)
{
	unsigned char *tmp = skb_tail_pointer(skb);

	if (skb->tail + len > skb->end) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "skb_over_panic: put %u bytes, only %d left", len,
				   skb_tailroom(skb));
		return tmp;
	}
	skb->tail += len;
	skb->len += len;
	return tmp;
}

void *skb_push(struct sk_buff *skb, unsigned int len)
{
	if (len > skb_headroom(skb)) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "skb_under_panic: push %u bytes, only %u headroom", len,
				   skb_headroom(skb));
		return skb->data;
	}
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return NULL;
	skb->len -= len;
	skb->data += len;
	return skb->data;
}

void skb_reserve(struct sk_buff *skb, int len)
{
	if (len < 0 || skb->tail + (unsigned int)len > skb->end || skb->len) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "skb_reserve(%d) on a buffer with data or too small", len);
		return;
	}
	skb->data += len;
	skb->tail += (unsigned int)len;
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len) {
		skb->len = len;
		skb->tail = (unsigned int)(skb->data - skb->head) + len;
	}
}

/* Make room for len bytes of data, reallocating the buffer if needed (skb_pad's job). */
static int ensure_room(struct sk_buff *skb, unsigned int len)
{
	unsigned int data_off = (unsigned int)(skb->data - skb->head);
	unsigned char *head;

	if (data_off + len <= skb->end)
		return 0;
	head = fgft_arena_realloc(skb->head, data_off + len, SKB_DATA_ALIGN, 0);
	if (!head)
		return -ENOMEM;
	skb->head = head;
	skb->data = head + data_off;
	skb->end = data_off + len;
	return 0;
}

int skb_padto(struct sk_buff *skb, unsigned int len)
{
	if (skb->len >= len)
		return 0;
	if (ensure_room(skb, len)) {
		kfree_skb(skb);
		return -ENOMEM;
	}
	memset(skb->data + skb->len, 0, len - skb->len);
	return 0;
}

int skb_put_padto(struct sk_buff *skb, unsigned int len)
{
	unsigned int old = skb->len;

	if (old >= len)
		return 0;
	if (skb_padto(skb, len))
		return -ENOMEM;
	skb_put(skb, len - old);
	return 0;
}

void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len)
{
	void *p = skb_put(skb, len);

	memcpy(p, data, len);
	return p;
}

void *skb_put_zero(struct sk_buff *skb, unsigned int len)
{
	void *p = skb_put(skb, len);

	memset(p, 0, len);
	return p;
}

void skb_copy_to_linear_data(struct sk_buff *skb, const void *from, unsigned int len)
{
	memcpy(skb->data, from, len);
}

void skb_copy_from_linear_data(const struct sk_buff *skb, void *to, unsigned int len)
{
	memcpy(to, skb->data, len);
}

/* The stack's receive path: the frame is handed to the harness sink and the buffer is freed. */
static int stack_receive(struct sk_buff *skb, const char *api)
{
	struct fgft_owner *cur = fgft_current_owner();
	const unsigned char *frame = skb->data;
	unsigned int len = skb->len;

	if (!skb)
		return NET_RX_DROP;
	if (cur && !fgft_track_find(FGFT_RES_SKB, skb)) {
		fgft_api_violation(recently_freed(skb) ? FGFT_V_DOUBLE_FREE : FGFT_V_FOREIGN_FREE,
				   "%s(%p): sk_buff not owned by the driver", api, (void *)skb);
		return NET_RX_DROP;
	}
	if (skb->mac_header || skb->protocol) { /* eth_type_trans pulled the header: hand over the whole frame */
		frame = skb->head + skb->mac_header;
		len += (unsigned int)(skb->data - frame);
	}
	fgft_stack_stats_mut_rx();
	if (rx_sink)
		rx_sink(skb->dev, frame, len, rx_sink_arg);
	fgft_track_remove(FGFT_RES_SKB, skb);
	freed_ring[freed_pos++ % FREED_RING] = skb;
	free_skb_data(skb);
	free(skb);
	return NET_RX_SUCCESS;
}

int netif_receive_skb(struct sk_buff *skb) { return stack_receive(skb, "netif_receive_skb"); }
int netif_rx(struct sk_buff *skb) { return stack_receive(skb, "netif_rx"); }

gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	(void)napi;
	return stack_receive(skb, "napi_gro_receive") == NET_RX_SUCCESS ? GRO_NORMAL : GRO_MERGED_FREE;
}
