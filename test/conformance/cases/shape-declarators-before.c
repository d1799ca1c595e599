// expect: runtime-fail lower 13
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int b[8] = {0};
	int k = -2 + argc - 1;
	int *p = a, *q = p + 1, *r = q;
	(void)argv;
	printf("v=%d\n", q[k]); /*@*/
	p = b;
	r = p;
	return p[0] + r[0];
}
