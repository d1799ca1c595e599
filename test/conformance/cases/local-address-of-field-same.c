// expect: clean "v=3\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct stats {
	int rx, tx;
};
struct adapter {
	struct stats stats;
	int spare[2];
};
static int f(struct adapter *NONNULL a, int k)
{
	struct stats *s = &a->stats;
	(s + k)->tx = 3; /*@*/
	return a->stats.tx;
}
int main(int argc, char **argv)
{
	struct adapter a = { { 1, 2 }, { 0, 0 } };
	(void)argv;
	printf("v=%d\n", f(&a, 0 + argc - 1));
	return 0;
}
