// expect: compile-error 14 "can only be called directly"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(int *SEQ p, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i];
	return s;
}
struct ops { int (*sum)(int *, int); };
static const struct ops ops = { .sum = sum };
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", sum(a, 4) + ops.sum(a, 4));
	return 0;
}
