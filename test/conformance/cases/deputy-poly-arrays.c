// expect: clean "3\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *TV(t) pick(void *TV(t) a, void *TV(t) b, int first)
{
	return first ? a : b;
}

int main(int argc, char **argv)
{
	int a[2] = {1, 2}, b[3] = {3, 4, 5};
	int *p = pick(a, b, argc > 5); /*@*/
	(void)argv;
	printf("%d\n", p[0]);
	return 0;
}
