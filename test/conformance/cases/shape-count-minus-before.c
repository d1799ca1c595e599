// expect: runtime-fail lower 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
static int get(int *COUNT(n) b, int n, int k)
{
	return *(b + n - k); /*@*/
}

int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int d = argc - 1;
	(void)argv;
	printf("v=%d\n", get(a, 4, 5 + d));
	return 0;
}
