// expect: compile-error 12 "NULL"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int first(int *NONNULL p)
{
	return *p;
}
int main(void)
{
	printf("%d\n", first(NULL)); /*@*/
	return 0;
}
