// expect: compile-error 9 "whose result is TV(t)"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *TV(t) second(void *TV(t) a, void *TV(u) b)
{
	(void)a;
	return b; /*@*/
}
int main(void)
{
	int x = 1;
	char c = 'c';
	int *p = second(&x, &c);
	printf("%d\n", *p);
	return 0;
}
