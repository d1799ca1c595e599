// expect: compile-error 8 "below its start"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int prev(const int *FSEQ p)
{
	p--; /*@*/
	return *p;
}
int main(void)
{
	int a[2] = {1, 2};
	printf("%d\n", prev(a + 1));
	return 0;
}
