/* A small driver for the recovery runtime tests: its entry points are found
 * by fgftc (ops table, registration call, ENTRY) and each can be made to fail
 * one way.  No fault here is reached unless a test asks for it. */
#include "mini_dev.h"

int mini_register_irq(int irq, mini_handler_t handler, void *data);
void kr_trigger_fault(void);
void fgft_check_fail(int kind, const char *file, int line, long long value, long long bound);

static int mini_helper(int frame)
{
	return frame * 2;
}

static int mini_intr(int irq, void *data)
{
	struct mini_dev *dev = data;

	return irq + dev->opened;
}

static int mini_open(struct mini_dev *dev)
{
	dev->opened = 1;
	return mini_register_irq(5, mini_intr, dev);
}

static int mini_xmit(struct mini_dev *dev, int frame)
{
	return mini_helper(frame) + dev->opened - 1 + dev->slots[frame];
}

/* Each `how` is one failure cause: the faults themselves, so no checks here. */
TRUSTED static void mini_poke(struct mini_dev *dev, int how)
{
	switch (how) {
	case 1:
		kr_trigger_fault();
		break;
	case 2:
		*dev->bad = 1; /* SIGSEGV */
		break;
	case 3:
		dev->opened = 10 / dev->divisor; /* SIGFPE */
		break;
	case 4:
		__builtin_trap(); /* SIGILL */
		break;
	case 5:
		dev->bus_page[0] = 1; /* SIGBUS: page past the end of a file */
		break;
	case 6:
		for (;;)
			dev->divisor++; /* hang */
		break;
	case 7:
		fgft_check_fail(3, "mini_drv.c", 70, 9, 8); /* what a failed upper-bound check calls */
		break;
	case 8:
		mini_xmit(dev, 1); /* nested: the driver calls its own entry point */
		*dev->bad = 2;
		break;
	default:
		break;
	}
}

static int *mini_lookup(struct mini_dev *dev, int key)
{
	return key ? &dev->opened : dev->bad;
}

const struct mini_ops mini_ops = {
	.open = mini_open,
	.xmit = mini_xmit,
	.poke = mini_poke,
	.lookup = mini_lookup,
};

/* Called by the test program directly, not through an ops table. */
ENTRY int mini_nested_entry(struct mini_dev *dev)
{
	mini_poke(dev, 8);
	return 0;
}
