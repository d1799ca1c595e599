/* linux/mutex.h: sleeping locks; held mutexes are tracked (FGFT_RES_MUTEX). */
#ifndef _FGFT_LINUX_MUTEX_H
#define _FGFT_LINUX_MUTEX_H

#include <linux/types.h>

struct mutex {
	int locked;
	const char *name;
};

#define __MUTEX_INITIALIZER(lockname) { .locked = 0, .name = #lockname }
#define DEFINE_MUTEX(m) struct mutex m = __MUTEX_INITIALIZER(m)

void fgft_mutex_init(struct mutex *lock, const char *name);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_is_locked(struct mutex *lock);
void mutex_destroy(struct mutex *lock);

#define mutex_init(lock) fgft_mutex_init(lock, #lock)

#endif
