// expect: runtime-fail null 11
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct dev {
	int irq;
};
static int irq_of(struct dev *d)
{
	return d->irq; /*@*/
}
int main(int argc, char **argv)
{
	struct dev x = { .irq = 5 };
	struct dev *d = 1 + argc - 1 ? NULL : &x;
	(void)argv;
	printf("%d\n", irq_of(d));
	return 0;
}
