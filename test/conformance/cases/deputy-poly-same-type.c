// expect: clean "2\n"
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
	int x = 1, y = 2;
	int *p = pick(&x, &y, 0); /*@*/
	printf("%d\n", *p);
	return 0;
}
