/* The workloads: an application sending through the driver, the link partner sending to it, request/response,
 * and configuration changes applied at quiet points during traffic. Every frame is checked end to end. */
#include <string.h>
#include <linux/skbuff.h>
#include <linux/errno.h>
#include "harness.h"

#define PARTNER_BACKLOG 64
#define RR_TIMEOUT_NS 50000000ULL
#define QUIESCE_LIMIT_NS 200000000ULL
#define REFUSE_AFTER_NS 2000000000ULL

const char *fgft_change_name(enum fgft_change_kind k)
{
	static const char *const names[] = { "msglevel", "ring", "mtu", "suspend" };

	return (unsigned int)k < 4 ? names[k] : "unknown";
}

const char *workload_name(enum fgft_workload w)
{
	static const char *const names[] = { "send", "recv", "rr", "config" };

	return (unsigned int)w < 4 ? names[w] : "unknown";
}

static int sends(const struct harness *h)
{
	return h->o->workload == FGFT_WL_SEND || h->o->workload == FGFT_WL_CONFIG;
}

static int receives(const struct harness *h)
{
	return h->o->workload == FGFT_WL_RECV || h->o->workload == FGFT_WL_CONFIG;
}

void workload_setup(struct harness *h)
{
	h->tx_target = (sends(h) || h->o->workload == FGFT_WL_RR) ? h->o->frames : 0;
	h->rx_target = receives(h) ? h->o->frames : 0;
}

static u64 progress(const struct harness *h)
{
	return h->r->tx.offered + h->r->rx.offered;
}

int workload_all_offered(const struct harness *h)
{
	return h->r->tx.offered >= h->tx_target && h->r->rx.offered >= h->rx_target && !h->rr_waiting;
}

int workload_quiesced(const struct harness *h)
{
	const struct fgft_harness_report *r = h->r;

	return r->tx.delivered + r->tx.corrupted >= r->tx.offered && r->rx.delivered + r->rx.corrupted >= r->rx.offered &&
	       fgft_partner_queued(h->partner) == 0;
}

static unsigned int max_frame(const struct harness *h)
{
	unsigned int len = h->mtu + ETH_HLEN;

	return len > FRAME_BUF ? FRAME_BUF : len;
}

static int can_send(const struct harness *h)
{
	const struct net_device *dev = h->dev;

	return netif_running(dev) && netif_carrier_ok(dev) && !netif_queue_stopped(dev) && netif_device_present(dev);
}

/* The application hands one frame to the driver; returns 1 if the driver accepted it. */
static int app_send(struct harness *h, int stream, u64 seq)
{
	unsigned int len = frame_len_for(h->o->seed, stream, seq, max_frame(h));
	struct sk_buff *skb = alloc_skb(len, GFP_ATOMIC);
	netdev_tx_t ret;

	if (!skb)
		return 0;
	frame_build(skb_put(skb, len), len, h->partner_mac, h->dev->dev_addr, h->o->seed, stream, seq);
	skb->fgft_id = seq + 1;
	ret = fgft_netdev_xmit(h->dev, skb);
	if (ret != NETDEV_TX_OK) {
		h->r->xmit_busy++;
		kfree_skb(skb); /* the stack would requeue it; the application retries the same frame later */
		return 0;
	}
	h->last_progress = h->last_frame = fgft_now_ns();
	return 1;
}

static void partner_send(struct harness *h, int stream, u64 seq)
{
	unsigned int len = frame_len_for(h->o->seed, stream, seq, max_frame(h));

	frame_build(h->buf, len, h->nic_mac, h->partner_mac, h->o->seed, stream, seq);
	fgft_partner_send(h->partner, h->buf, len);
	h->last_progress = h->last_frame = fgft_now_ns();
}

void workload_partner_rx(void *arg, const u8 *frame, unsigned int len)
{
	struct harness *h = arg;
	int stream = 0;
	u64 seq = 0;
	enum frame_verdict v = frame_check(frame, len, h->o->seed, &stream, &seq);

	if (v == FRAME_FOREIGN)
		return;
	if (stream != STREAM_TX && stream != STREAM_REQUEST) {
		h->r->tx.corrupted++;
		return;
	}
	h->last_progress = h->last_frame = fgft_now_ns();
	if (frame_tracker_account(&h->tx_track, v, seq) && stream == STREAM_REQUEST) {
		h->r->rx.offered++;
		partner_send(h, STREAM_RESPONSE, seq);
	}
}

void workload_app_rx(struct net_device *dev, const u8 *data, unsigned int len, void *arg)
{
	struct harness *h = arg;
	int stream = 0;
	u64 seq = 0;
	enum frame_verdict v;

	if (dev != fgft_netdev_get(0))
		return;
	v = frame_check(data, len, h->o->seed, &stream, &seq);
	if (v == FRAME_FOREIGN)
		return;
	if (stream != STREAM_RX && stream != STREAM_RESPONSE) {
		h->r->rx.corrupted++;
		return;
	}
	h->last_progress = h->last_frame = fgft_now_ns();
	if (frame_tracker_account(&h->rx_track, v, seq) && stream == STREAM_RESPONSE && seq == h->rr_seq)
		h->rr_waiting = 0;
}

static int apply_change(struct harness *h, struct fgft_config_change *c)
{
	switch (c->kind) {
	case FGFT_CHANGE_MSGLEVEL:
		return fgft_ethtool_set_msglevel(h->dev, c->value);
	case FGFT_CHANGE_RING:
		return fgft_ethtool_set_ringparam(h->dev, c->value, c->value);
	case FGFT_CHANGE_MTU:
		return fgft_netdev_change_mtu(h->dev, (int)c->value);
	case FGFT_CHANGE_SUSPEND: {
		int err = fgft_pci_suspend(h->dev);

		return err ? err : fgft_pci_resume(h->dev);
	}
	}
	return -EINVAL;
}

/* Pause traffic at a change point, let it drain, apply the change, resume. Returns 1 while paused. */
static int config_point(struct harness *h)
{
	struct fgft_harness_report *r = h->r;
	struct fgft_config_change *c;
	u64 now = fgft_now_ns();

	if (h->next_change >= r->nchanges)
		return 0;
	c = &r->changes[h->next_change];
	if (progress(h) < c->at_frame)
		return 0;
	if (!h->paused) {
		h->paused = 1;
		h->pause_started = now;
	}
	if (!workload_quiesced(h) && now - h->pause_started < QUIESCE_LIMIT_NS)
		return 1;
	c->result = apply_change(h, c);
	c->applied = 1;
	if (c->result)
		r->config_errors++;
	fgft_log("harness: change %d (%s %u) at frame %llu: %s\n", h->next_change, fgft_change_name(c->kind), c->value,
		 (unsigned long long)progress(h), c->result ? "failed" : "done");
	h->next_change++;
	h->paused = 0;
	h->last_progress = fgft_now_ns();
	return 0;
}

static void offer_tx(struct harness *h)
{
	struct fgft_harness_report *r = h->r;

	while (r->tx.offered < h->tx_target && can_send(h)) {
		if (h->next_change < r->nchanges && progress(h) >= r->changes[h->next_change].at_frame)
			return;
		if (!app_send(h, STREAM_TX, r->tx.offered))
			return;
		r->tx.offered++;
	}
}

static void offer_rx(struct harness *h)
{
	struct fgft_harness_report *r = h->r;

	if (!netif_carrier_ok(h->dev) || !netif_running(h->dev))
		return;
	while (r->rx.offered < h->rx_target && fgft_partner_queued(h->partner) < PARTNER_BACKLOG) {
		if (h->next_change < r->nchanges && progress(h) >= r->changes[h->next_change].at_frame)
			return;
		partner_send(h, STREAM_RX, r->rx.offered);
		r->rx.offered++;
	}
}

static void offer_rr(struct harness *h)
{
	struct fgft_harness_report *r = h->r;
	u64 now = fgft_now_ns();

	if (h->rr_waiting) {
		if (now - h->rr_sent_at < RR_TIMEOUT_NS)
			return;
		r->rr_timeouts++; /* the application gives up on this request and sends the next */
		h->rr_waiting = 0;
	}
	if (r->tx.offered >= h->tx_target || !can_send(h))
		return;
	if (h->next_change < r->nchanges && progress(h) >= r->changes[h->next_change].at_frame)
		return;
	if (!app_send(h, STREAM_REQUEST, r->tx.offered))
		return;
	h->rr_seq = r->tx.offered++;
	h->rr_waiting = 1;
	h->rr_sent_at = now;
}

/* With the interface gone (driver unloaded) or not running, the application waits; after 2 s it gives up on
 * the frames it still had to send, as an application getting ENETDOWN would. Returns 1 while down. */
static int interface_down(struct harness *h)
{
	struct fgft_harness_report *r = h->r;
	u64 now = fgft_now_ns();

	if (h->dev && netif_running(h->dev) && netif_device_present(h->dev)) {
		h->down_since = 0;
		return 0;
	}
	if (!h->down_since)
		h->down_since = now;
	if (now - h->down_since < REFUSE_AFTER_NS)
		return 1;
	if (r->tx.offered < h->tx_target) {
		r->refused += h->tx_target - r->tx.offered;
		h->tx_target = r->tx.offered;
	}
	if (r->rx.offered < h->rx_target) {
		r->refused += h->rx_target - r->rx.offered;
		h->rx_target = r->rx.offered;
	}
	h->rr_waiting = 0;
	return 1;
}

/* The receive path from the partner to the application: the carrier is up and the interface is there. */
static int rx_path_up(const struct harness *h)
{
	return e1000_model_link_up(h->models[0]) && h->dev && netif_running(h->dev) && netif_device_present(h->dev) &&
	       netif_carrier_ok(h->dev);
}

/* Frames the partner put on the wire that are not delivered yet: below this sequence number. */
static u64 rx_on_wire(const struct harness *h)
{
	u64 queued = fgft_partner_queued(h->partner);

	return h->r->rx.offered > queued ? h->r->rx.offered - queued : 0;
}

/* A sender sees its carrier drop (or the peer's interface vanish): what it had sent and not yet had
 * acknowledged (delivered) is in doubt. The receive stream retries: when the path is back, it resends every
 * frame in doubt that did not arrive, as a reliable sender would after link-up. */
static void watch_rx_path(struct harness *h)
{
	int up;

	if (!receives(h))
		return;
	up = rx_path_up(h);
	if (!up) {
		if (h->link_was_up)
			h->r->link_downs++;
		/* frames the partner still pumps into a dead interface are in doubt too */
		if (rx_on_wire(h) > h->rx_doubt_upto)
			h->rx_doubt_upto = rx_on_wire(h);
	} else if (!h->link_was_up && h->rx_doubt_upto) {
		u64 seq;

		for (seq = 0; seq < h->rx_doubt_upto; seq++) {
			if (frame_tracker_seen(&h->rx_track, seq))
				continue;
			partner_send(h, STREAM_RX, seq);
			h->r->rx.resent++;
		}
		h->rx_doubt_upto = 0;
	}
	h->link_was_up = up;
}

void workload_settle_link_down(struct harness *h)
{
	u64 seq;

	/* The path never came back: the application was told (ENETDOWN), the frames count as errored. */
	for (seq = 0; seq < h->rx_doubt_upto; seq++)
		if (!frame_tracker_seen(&h->rx_track, seq))
			frame_tracker_mark_errored(&h->rx_track, seq);
}

int workload_step(void *arg)
{
	struct harness *h = arg;

	/* A recovery runtime (krecover restart) may have replaced the interface: use the current one. */
	h->dev = fgft_netdev_get(0);
	watch_rx_path(h);
	if (interface_down(h))
		return 0;
	memcpy(h->nic_mac, h->dev->dev_addr, ETH_ALEN);
	h->mtu = h->dev->mtu;
	if (config_point(h))
		return 0;
	switch (h->o->workload) {
	case FGFT_WL_SEND:
		offer_tx(h);
		break;
	case FGFT_WL_RECV:
		offer_rx(h);
		break;
	case FGFT_WL_RR:
		offer_rr(h);
		break;
	case FGFT_WL_CONFIG:
		offer_tx(h);
		offer_rx(h);
		break;
	}
	return workload_all_offered(h) && workload_quiesced(h) &&
	       (h->next_change >= h->r->nchanges || h->r->changes[h->next_change].at_frame > progress(h));
}
