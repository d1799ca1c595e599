// expect: compile-error 8 "NULL"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	int *NONNULL p = NULL; /*@*/
	printf("%p\n", (void *)p);
	return 0;
}
