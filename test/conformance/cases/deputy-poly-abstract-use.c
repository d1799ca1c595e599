// expect: compile-error 8 "points to type variable 't'"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *TV(t) first(void *TV(t) a)
{
	int *q = a; /*@*/
	return q;
}
int main(void)
{
	int x = 1;
	int *p = first(&x);
	printf("%d\n", *p);
	return 0;
}
