// expect: clean "7\n"
#include "fgft.h"
#include <stdio.h>
/* An interrupt handler's `void *data` handed to a struct pointer: the void
 * pointer's one-byte default bound must not become the struct's bound. */
struct dev {
	int opened;
	int irqs;
};
static int handler(int irq, void *data)
{
	struct dev *d = data;
	d->irqs++;
	return irq + d->opened;
}
int main(void)
{
	struct dev d = { 1, 0 };
	printf("%d\n", handler(5, &d) + d.irqs);
	return 0;
}
