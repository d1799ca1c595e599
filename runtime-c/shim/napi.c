/* NAPI: scheduled instances are polled from the scheduler (softirq context) with their weight as budget. */
#include <string.h>
#include <linux/netdevice.h>
#include "internal.h"

#define MAX_POLL 16

static struct napi_struct *poll_list[MAX_POLL];
static int poll_count;

void fgft_napi_reset(void)
{
	poll_count = 0;
}

static void list_add_napi(struct napi_struct *n)
{
	int i;

	for (i = 0; i < poll_count; i++)
		if (poll_list[i] == n)
			return;
	if (poll_count < MAX_POLL)
		poll_list[poll_count++] = n;
}

static void list_del_napi(struct napi_struct *n)
{
	int i;

	for (i = 0; i < poll_count; i++) {
		if (poll_list[i] == n) {
			memmove(&poll_list[i], &poll_list[i + 1], (size_t)(poll_count - i - 1) * sizeof(poll_list[0]));
			poll_count--;
			return;
		}
	}
}

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	if (!fgft_policy_allow(FGFT_API_NET, "netif_napi_add"))
		return;
	memset(napi, 0, sizeof(*napi));
	napi->dev = dev;
	napi->poll = poll;
	napi->weight = weight > 0 ? weight : NAPI_POLL_WEIGHT;
	napi->fgft_owner = fgft_current_owner();
	set_bit(NAPI_STATE_SCHED, &napi->state); /* like Linux: disabled until napi_enable */
	fgft_track_add(FGFT_RES_NAPI, napi, 0);
}

void netif_napi_add(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int))
{
	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT);
}

void netif_napi_del(struct napi_struct *napi)
{
	list_del_napi(napi);
	if (fgft_track_remove(FGFT_RES_NAPI, napi))
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "netif_napi_del(%p): not added", (void *)napi);
	napi->fgft_enabled = 0;
}

void napi_enable(struct napi_struct *n)
{
	n->fgft_enabled = 1;
	n->fgft_scheduled = 0;
	clear_bit(NAPI_STATE_SCHED, &n->state);
}

void napi_disable(struct napi_struct *n)
{
	fgft_check_may_sleep("napi_disable");
	list_del_napi(n);
	n->fgft_enabled = 0;
	n->fgft_scheduled = 0;
	set_bit(NAPI_STATE_SCHED, &n->state);
}

bool napi_schedule_prep(struct napi_struct *n)
{
	if (!n->fgft_enabled || n->fgft_scheduled)
		return false;
	n->fgft_scheduled = 1;
	set_bit(NAPI_STATE_SCHED, &n->state);
	return true;
}

void __napi_schedule(struct napi_struct *n)
{
	list_add_napi(n);
}

void __napi_schedule_irqoff(struct napi_struct *n)
{
	__napi_schedule(n);
}

bool napi_schedule(struct napi_struct *n)
{
	if (!napi_schedule_prep(n))
		return false;
	__napi_schedule(n);
	return true;
}

void napi_schedule_irqoff(struct napi_struct *n)
{
	napi_schedule(n);
}

bool napi_complete_done(struct napi_struct *n, int work_done)
{
	(void)work_done;
	n->fgft_scheduled = 0;
	n->fgft_completed = 1;
	clear_bit(NAPI_STATE_SCHED, &n->state);
	if (!n->fgft_in_poll)
		list_del_napi(n);
	return true;
}

bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}

void napi_synchronize(const struct napi_struct *n)
{
	(void)n;
}

int fgft_napi_run_pending(void)
{
	struct napi_struct *batch[MAX_POLL];
	int i, count = poll_count, ran = 0;

	memcpy(batch, poll_list, (size_t)count * sizeof(batch[0]));
	for (i = 0; i < count; i++) {
		struct napi_struct *n = batch[i];
		struct fgft_entry_state saved;
		int work;

		if (!n->fgft_enabled || !n->fgft_scheduled)
			continue;
		n->fgft_in_poll = 1;
		n->fgft_completed = 0;
		saved = fgft_entry_begin(n->fgft_owner, FGFT_CTX_SOFTIRQ, "napi_poll");
		work = n->poll(n, n->weight);
		fgft_entry_end(saved);
		n->fgft_in_poll = 0;
		ran++;
		if (work > n->weight)
			fgft_log("napi: poll returned %d, more than its budget %d\n", work, n->weight);
		if (n->fgft_completed || !n->fgft_scheduled) {
			list_del_napi(n);
		} else if (work < n->weight) {
			/* Linux leaves such an instance scheduled but off the poll list: it never runs again. */
			fgft_log("napi: poll did %d < budget without napi_complete; instance is stuck\n", work);
			list_del_napi(n);
		}
	}
	return ran;
}
