// expect: compile-error 9 "NULL"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int *NONNULL pick(int *p)
{
	(void)p;
	return NULL; /*@*/
}
int main(void)
{
	int x = 1;
	printf("%p\n", (void *)pick(&x));
	return 0;
}
