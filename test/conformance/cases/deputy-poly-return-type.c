// expect: compile-error 14 "but 'p' points to 'char'"
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
	char *p = pick(&x, &y, 1); /*@*/
	printf("%d\n", *p);
	return 0;
}
