/* linux/spinlock.h: spinlocks on the single simulated CPU; held locks are tracked (FGFT_RES_LOCK). */
#ifndef _FGFT_LINUX_SPINLOCK_H
#define _FGFT_LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/irqflags.h>

typedef struct spinlock {
	int locked;
	const char *name;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) { .locked = 0, .name = #lockname }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

void fgft_spin_lock_init(spinlock_t *lock, const char *name);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long fgft_spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
int spin_is_locked(spinlock_t *lock);

#define spin_lock_init(lock) fgft_spin_lock_init(lock, #lock)
#define spin_lock_irqsave(lock, flags) do { (flags) = fgft_spin_lock_irqsave(lock); } while (0)
#define assert_spin_locked(lock) BUG_ON(!spin_is_locked(lock))

#endif
