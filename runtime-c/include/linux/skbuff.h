/* linux/skbuff.h: socket buffers with a linear data area (no fragments). Allocations are tracked (FGFT_RES_SKB). */
#ifndef _FGFT_LINUX_SKBUFF_H
#define _FGFT_LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/gfp.h>

struct net_device;
struct napi_struct;

#define NET_IP_ALIGN 2
#define NET_SKB_PAD 64

#define CHECKSUM_NONE 0
#define CHECKSUM_UNNECESSARY 1
#define CHECKSUM_COMPLETE 2
#define CHECKSUM_PARTIAL 3

#define MAX_SKB_FRAGS 17

struct skb_shared_info {
	unsigned char nr_frags;
	unsigned short gso_size;
	unsigned short gso_segs;
	unsigned int tx_flags;
};

struct sk_buff {
	struct sk_buff *next;
	struct sk_buff *prev;
	struct net_device *dev;
	unsigned int len;
	unsigned int data_len;
	__u16 mac_len;
	__u16 queue_mapping;
	__u8 ip_summed;
	__u8 pkt_type;
	__be16 protocol;
	__u16 mac_header;
	__u16 network_header;
	__u16 transport_header;
	__u32 csum;
	__u32 priority;
	__u32 mark;
	unsigned int truesize;
	unsigned char *head;
	unsigned char *data;
	unsigned int tail; /* offsets from head, as on 64-bit Linux */
	unsigned int end;
	struct skb_shared_info fgft_shinfo;
	u64 fgft_id; /* harness bookkeeping: which application frame this buffer carries */
	char cb[48];
};

#define PACKET_HOST 0
#define PACKET_BROADCAST 1
#define PACKET_MULTICAST 2
#define PACKET_OTHERHOST 3

struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
struct sk_buff *dev_alloc_skb(unsigned int length);
struct sk_buff *netdev_alloc_skb(struct net_device *dev, unsigned int length);
struct sk_buff *netdev_alloc_skb_ip_align(struct net_device *dev, unsigned int length);
struct sk_buff *napi_alloc_skb(struct napi_struct *napi, unsigned int length);
void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
void dev_kfree_skb(struct sk_buff *skb);
void dev_kfree_skb_any(struct sk_buff *skb);
void dev_kfree_skb_irq(struct sk_buff *skb);
void dev_consume_skb_any(struct sk_buff *skb);
void napi_consume_skb(struct sk_buff *skb, int budget);

void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_reserve(struct sk_buff *skb, int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int skb_padto(struct sk_buff *skb, unsigned int len);
int skb_put_padto(struct sk_buff *skb, unsigned int len);

static inline struct skb_shared_info *skb_shinfo(struct sk_buff *skb) { return &skb->fgft_shinfo; }
static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb) { return skb->head + skb->tail; }
static inline unsigned char *skb_end_pointer(const struct sk_buff *skb) { return skb->head + skb->end; }
static inline unsigned int skb_headroom(const struct sk_buff *skb) { return (unsigned int)(skb->data - skb->head); }
static inline int skb_tailroom(const struct sk_buff *skb) { return (int)(skb->end - skb->tail); }
static inline unsigned int skb_headlen(const struct sk_buff *skb) { return skb->len - skb->data_len; }
static inline int skb_is_nonlinear(const struct sk_buff *skb) { return skb->data_len != 0; }
static inline int skb_is_gso(const struct sk_buff *skb) { return skb->fgft_shinfo.gso_size != 0; }
static inline void skb_checksum_none_assert(const struct sk_buff *skb) { (void)skb; }
static inline void skb_tx_timestamp(struct sk_buff *skb) { (void)skb; }
static inline void skb_record_rx_queue(struct sk_buff *skb, u16 rx_queue) { (void)skb; (void)rx_queue; }
static inline u16 skb_get_queue_mapping(const struct sk_buff *skb) { return skb->queue_mapping; }
static inline unsigned char *skb_mac_header(const struct sk_buff *skb) { return skb->head + skb->mac_header; }
static inline void skb_reset_mac_header(struct sk_buff *skb) { skb->mac_header = (u16)(skb->data - skb->head); }

void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len);
void *skb_put_zero(struct sk_buff *skb, unsigned int len);
void skb_copy_to_linear_data(struct sk_buff *skb, const void *from, unsigned int len);
void skb_copy_from_linear_data(const struct sk_buff *skb, void *to, unsigned int len);

#endif
