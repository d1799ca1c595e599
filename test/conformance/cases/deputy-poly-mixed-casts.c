// expect: compile-error 14 "points to 'int'"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *TV(t) pick(void *TV(t) a, void *TV(t) b, int first)
{
	return first ? a : b;
}

int main(void)
{
	long a = 1, b = 2;
	long *p = pick(&a, (int *)&b, 1); /*@*/
	printf("%ld\n", *p);
	return 0;
}
