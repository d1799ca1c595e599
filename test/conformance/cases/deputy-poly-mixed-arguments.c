// expect: compile-error 15 "also of type variable 't' of 'pick'"
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
	int x = 1;
	char c = 'c';
	int *p = pick(&x, &c, 1); /*@*/
	printf("%d\n", *p);
	return 0;
}
