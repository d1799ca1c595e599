// expect: runtime-fail upper 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
static int get(int *COUNT(n) b, int n, int i)
{
	return ({ int *t = b; t; })[i]; /*@*/
}

int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int d = argc - 1;
	(void)argv;
	printf("v=%d\n", get(a, 4, 4 + d));
	return 0;
}
