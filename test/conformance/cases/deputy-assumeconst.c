// expect: clean "n=5\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct cfg {
	int n ASSUMECONST;
	int *vals COUNT(n);
};
static void grow(struct cfg *c)
{
	c->n = c->n + 1; /*@*/
}
int main(void)
{
	int v[8] = {0};
	struct cfg c = { .n = 4, .vals = v };
	grow(&c);
	printf("n=%d\n", c.n);
	return 0;
}
