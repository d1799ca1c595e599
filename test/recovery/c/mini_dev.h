/* The mini driver's interface, shared by mini_drv.c (the driver, built
 * through fgftc) and recovery_main.c (the test program, plain gcc: the
 * annotations expand to nothing there). */
#ifndef MINI_DEV_H
#define MINI_DEV_H
#include <fgft.h>

struct mini_dev {
	int opened;
	int *bad;
	volatile int divisor;
	volatile char *bus_page;
	int * COUNT(nslots) slots;	/* per-frame state: every transmit executes one bounds check */
	int nslots;
};

struct mini_ops {
	int (*open)(struct mini_dev *dev);
	int (*xmit)(struct mini_dev *dev, int frame);
	void (*poke)(struct mini_dev *dev, int how);
	int *(*lookup)(struct mini_dev *dev, int key);
};

typedef int (*mini_handler_t)(int irq, void *data);

#endif
