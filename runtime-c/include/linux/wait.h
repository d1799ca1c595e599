#ifndef _FGFT_LINUX_WAIT_H
#define _FGFT_LINUX_WAIT_H

typedef struct wait_queue_head {
	int unused;
} wait_queue_head_t;

#define init_waitqueue_head(wq) ((void)(wq))
#define wake_up(wq) ((void)(wq))
#define wake_up_interruptible(wq) ((void)(wq))

#endif
