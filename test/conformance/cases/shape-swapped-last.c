// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
static int get(int *COUNT(n) b, int n, int k, int j)
{
	(void)j;
	return *(k + b); /*@*/
}

int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int d = argc - 1;
	(void)argv;
	printf("v=%d\n", get(a, 4, 3 + d, 0));
	return 0;
}
