// expect: clean "5\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int ignore(int *SEQ p, int v)
{
	(void)p;
	return v; /*@*/
}
int main(void)
{
	int a[2] = {1, 2};
	printf("%d\n", ignore(a, 5));
	return 0;
}
