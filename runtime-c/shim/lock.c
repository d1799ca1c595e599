/* Spinlocks, mutexes, interrupt flags and execution-context queries on the single simulated CPU. Held locks
 * are tracked so krecover can release them and the leak check can report them. */
#include "internal.h"
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/interrupt.h>
#include <linux/rtnetlink.h>
#include <linux/kernel.h>

static int spin_depth;   /* spinlocks held: atomic context */
static int irq_off;      /* local_irq_disable/save depth */
static int bh_off;
static struct mutex rtnl_mutex = __MUTEX_INITIALIZER(rtnl_mutex);

void fgft_lock_reset(void)
{
	spin_depth = 0;
	irq_off = 0;
	bh_off = 0;
	rtnl_mutex.locked = 0;
}

int fgft_locks_held_atomic(void)
{
	return spin_depth;
}

int fgft_irqs_off(void)
{
	return irq_off;
}

int in_irq(void) { return fgft_context() == FGFT_CTX_HARDIRQ; }
int in_hardirq(void) { return in_irq(); }
int in_softirq(void) { return fgft_context() == FGFT_CTX_SOFTIRQ || bh_off > 0; }
int in_serving_softirq(void) { return fgft_context() == FGFT_CTX_SOFTIRQ; }
int in_interrupt(void) { return fgft_context() != FGFT_CTX_PROCESS || bh_off > 0; }
int in_task(void) { return fgft_context() == FGFT_CTX_PROCESS; }
int in_atomic(void) { return in_interrupt() || spin_depth > 0 || irq_off > 0; }
void local_bh_disable(void) { bh_off++; }
void local_bh_enable(void) { if (bh_off > 0) bh_off--; }

int fgft_check_may_sleep(const char *what)
{
	if (!in_atomic())
		return 1;
	fgft_api_violation(FGFT_V_SLEEP_IN_ATOMIC, "%s may sleep but called in %s context", what,
			   fgft_context() == FGFT_CTX_HARDIRQ ? "hard interrupt" :
			   fgft_context() == FGFT_CTX_SOFTIRQ ? "softirq" : "atomic (lock held or irqs off)");
	return 0;
}

void fgft_might_sleep(const char *what)
{
	fgft_check_may_sleep(what);
}

unsigned long fgft_local_irq_save(void)
{
	return (unsigned long)irq_off++;
}

void local_irq_restore(unsigned long flags)
{
	irq_off = (int)flags;
}

void local_irq_disable(void) { irq_off++; }
void local_irq_enable(void) { irq_off = 0; }
int irqs_disabled(void) { return irq_off > 0 || fgft_context() == FGFT_CTX_HARDIRQ; }

void fgft_spin_lock_init(spinlock_t *lock, const char *name)
{
	lock->locked = 0;
	lock->name = name;
}

static int acquire(spinlock_t *lock, unsigned long flags, const char *api)
{
	if (!fgft_policy_allow(FGFT_API_LOCK, api))
		return 0;
	if (lock->locked) {
		/* One CPU and no preemption inside driver code: a held lock can never be released. */
		fgft_api_violation(FGFT_V_RECURSIVE_LOCK, "%s(%s): lock already held (deadlock)", api,
				   lock->name ? lock->name : "?");
		return 0;
	}
	lock->locked = 1;
	spin_depth++;
	fgft_track_add(FGFT_RES_SPINLOCK, lock, flags);
	return 1;
}

static int release_lock(spinlock_t *lock, const char *api)
{
	if (!fgft_policy_allow(FGFT_API_LOCK, api))
		return 0;
	if (!lock->locked) {
		fgft_api_violation(FGFT_V_UNLOCK_UNLOCKED, "%s(%s): lock not held", api, lock->name ? lock->name : "?");
		return 0;
	}
	lock->locked = 0;
	if (spin_depth > 0)
		spin_depth--;
	fgft_track_remove(FGFT_RES_SPINLOCK, lock);
	return 1;
}

void spin_lock(spinlock_t *lock) { acquire(lock, 0, "spin_lock"); }
void spin_unlock(spinlock_t *lock) { release_lock(lock, "spin_unlock"); }
void spin_lock_bh(spinlock_t *lock) { if (acquire(lock, 0, "spin_lock_bh")) bh_off++; }
void spin_unlock_bh(spinlock_t *lock) { if (release_lock(lock, "spin_unlock_bh") && bh_off > 0) bh_off--; }
void spin_lock_irq(spinlock_t *lock) { if (acquire(lock, 0, "spin_lock_irq")) irq_off++; }
void spin_unlock_irq(spinlock_t *lock) { if (release_lock(lock, "spin_unlock_irq")) irq_off = 0; }
int spin_is_locked(spinlock_t *lock) { return lock->locked; }

int spin_trylock(spinlock_t *lock)
{
	if (lock->locked)
		return 0;
	return acquire(lock, 0, "spin_trylock");
}

unsigned long fgft_spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = (unsigned long)irq_off;

	if (acquire(lock, flags, "spin_lock_irqsave"))
		irq_off++;
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	if (release_lock(lock, "spin_unlock_irqrestore"))
		irq_off = (int)flags;
}

void fgft_mutex_init(struct mutex *lock, const char *name)
{
	lock->locked = 0;
	lock->name = name;
}

void mutex_lock(struct mutex *lock)
{
	if (!fgft_policy_allow(FGFT_API_LOCK, "mutex_lock") || !fgft_check_may_sleep("mutex_lock"))
		return;
	if (lock->locked) {
		fgft_api_violation(FGFT_V_RECURSIVE_LOCK, "mutex_lock(%s): already held (deadlock)",
				   lock->name ? lock->name : "?");
		return;
	}
	lock->locked = 1;
	fgft_track_add(FGFT_RES_MUTEX, lock, 0);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

int mutex_trylock(struct mutex *lock)
{
	if (lock->locked)
		return 0;
	lock->locked = 1;
	fgft_track_add(FGFT_RES_MUTEX, lock, 0);
	return 1;
}

void mutex_unlock(struct mutex *lock)
{
	if (!fgft_policy_allow(FGFT_API_LOCK, "mutex_unlock"))
		return;
	if (!lock->locked) {
		fgft_api_violation(FGFT_V_UNLOCK_UNLOCKED, "mutex_unlock(%s): not held", lock->name ? lock->name : "?");
		return;
	}
	lock->locked = 0;
	fgft_track_remove(FGFT_RES_MUTEX, lock);
}

int mutex_is_locked(struct mutex *lock) { return lock->locked; }
void mutex_destroy(struct mutex *lock) { (void)lock; }

/* rtnl: taken by the stack (untracked) around ndo/ethtool calls; drivers rarely take it themselves. */
void rtnl_lock(void) { rtnl_mutex.locked++; }
void rtnl_unlock(void) { if (rtnl_mutex.locked > 0) rtnl_mutex.locked--; }
int rtnl_is_locked(void) { return rtnl_mutex.locked > 0; }
