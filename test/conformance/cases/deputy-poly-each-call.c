// expect: clean "1 d\n"
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
	char c = 'c', d = 'd';
	int *p = pick(&x, &y, 1);
	char *q = pick(&c, &d, 0); /*@*/
	printf("%d %c\n", *p, *q);
	return 0;
}
