/* Unit checks of the resource tracker, the replaceable violation handler and the policy API, as krecover uses
 * them. Prints one line per check; exits non-zero at the first failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/io.h>
#include <fgft/track.h>
#include <fgft/policy.h>
#include <fgft/sim.h>

#define CHECK(cond, what) do { if (!(cond)) { printf("FAIL %s (line %d)\n", what, __LINE__); exit(1); } \
	printf("ok %s\n", what); } while (0)

static enum fgft_violation last_kind = FGFT_V_KIND_COUNT;
static char last_msg[256];

static void recording_handler(enum fgft_violation kind, struct fgft_owner *owner, const char *msg)
{
	(void)owner;
	last_kind = kind;
	snprintf(last_msg, sizeof(last_msg), "%s", msg);
}

static int collect_types(struct fgft_resource *r, void *arg)
{
	char *out = arg;

	strcat(out, fgft_res_type_name(r->type));
	strcat(out, ";");
	return 0;
}

static int release_all(struct fgft_resource *r, void *arg)
{
	(void)arg;
	if (r->type == FGFT_RES_MEM)
		kfree(r->obj);
	else if (r->type == FGFT_RES_SPINLOCK)
		spin_unlock((spinlock_t *)(uintptr_t)r->obj);
	else if (r->type == FGFT_RES_TIMER)
		del_timer((struct timer_list *)(uintptr_t)r->obj);
	return 0;
}

static void timer_fn(struct timer_list *t) { (void)t; }

int main(void)
{
	struct fgft_owner *a, *b;
	static spinlock_t lock;
	static struct timer_list timer;
	char order[256] = "";
	void *p, *q, *r;

	fgft_machine_reset();
	a = fgft_owner_new("drv-a", (void *)0x1);
	b = fgft_owner_new("drv-b", (void *)0x2);
	fgft_set_current_owner(b);
	q = kzalloc(7, GFP_KERNEL);
	fgft_set_current_owner(a);
	p = kmalloc(100, GFP_KERNEL);
	spin_lock_init(&lock);
	spin_lock(&lock); /* held: no sleeping allocations until the walk below releases it */
	timer_setup(&timer, timer_fn, 0);
	mod_timer(&timer, jiffies + 10);
	CHECK(fgft_track_count(a, FGFT_RES_ANY) == 3, "owner a holds three resources");
	CHECK(fgft_track_count(b, FGFT_RES_MEM) == 1, "owner b holds one allocation");
	CHECK(fgft_track_count(NULL, FGFT_RES_ANY) == 4, "four resources in all");
	CHECK(fgft_track_find(FGFT_RES_MEM, p)->aux == 100, "aux holds the allocation size");
	CHECK(fgft_track_find(FGFT_RES_MEM, p)->owner == a, "the allocation is a's");
	fgft_track_for_each_reverse(a, collect_types, order);
	CHECK(strcmp(order, "timer;spinlock-held;memory;") == 0, "reverse walk is newest first");
	CHECK(fgft_track_report_leaks(a, NULL) == 3, "leak report counts a's resources");

	fgft_violation_handler = recording_handler;
	fgft_set_current_owner(a);
	kfree(q);
	CHECK(last_kind == FGFT_V_FOREIGN_FREE && strstr(last_msg, "belongs to drv-b"), "freeing b's memory is foreign");
	CHECK(fgft_track_find(FGFT_RES_MEM, q) != NULL, "a foreign free does not release");
	r = malloc(8);
	kfree(r);
	CHECK(last_kind == FGFT_V_FOREIGN_FREE && strstr(last_msg, "not allocated by kmalloc"), "wild free is reported");
	free(r);

	fgft_track_for_each_reverse(a, release_all, NULL);
	CHECK(fgft_track_count(a, FGFT_RES_ANY) == 0, "compensation through the walk releases everything");
	CHECK(!lock.locked && !timer_pending(&timer), "the lock is released and the timer disarmed");
	last_kind = FGFT_V_KIND_COUNT;
	kfree(p);
	CHECK(last_kind == FGFT_V_DOUBLE_FREE, "a second free is a double free");
	spin_unlock(&lock);
	CHECK(last_kind == FGFT_V_UNLOCK_UNLOCKED, "unlocking a free lock is reported");
	CHECK(fgft_violation_count(FGFT_V_DOUBLE_FREE) == 1 && a->violations == 4, "violations are counted per kind and owner");

	fgft_set_current_owner(b);
	kfree(q);
	CHECK(fgft_track_count(NULL, FGFT_RES_ANY) == 0, "b frees its own memory");

	{
		static const struct fgft_policy no_mem[] = { { .driver = "*", .grants = FGFT_GRANT_ALL & ~FGFT_GRANT(FGFT_API_MEM) },
							       { .driver = NULL, .grants = 0 } };

		fgft_policy_set_table(no_mem);
		b->policy = fgft_policy_for("drv-b");
		CHECK(kmalloc(16, GFP_KERNEL) == NULL, "an allocation not granted fails");
		CHECK(fgft_policy_denials(FGFT_DENY_API) == 1 && b->denials == 1, "the denial is counted");
		fgft_policy_set_table(NULL);
	}
	CHECK(readl((void *)0x1000) == 0xffffffffu, "MMIO outside any mapping reads all ones");
	CHECK(fgft_policy_denials(FGFT_DENY_MMIO) == 1, "and is denied");
	fgft_set_current_owner(NULL);
	printf("all passed\n");
	return 0;
}
