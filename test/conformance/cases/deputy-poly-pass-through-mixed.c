// expect: compile-error 13 "type variable 'u'"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *TV(t) pick(void *TV(t) a, void *TV(t) b, int first)
{
	return first ? a : b;
}

static void *TV(t) pick2(void *TV(t) a, void *TV(u) b)
{
	return pick(a, b, 0); /*@*/
}
int main(void)
{
	int x = 1, y = 2;
	int *p = pick2(&x, &y);
	printf("%d\n", *p);
	return 0;
}
