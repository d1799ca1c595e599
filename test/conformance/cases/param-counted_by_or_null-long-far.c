// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define N 4
int get(long *a __counted_by_or_null(n), int n, int i)
{
	return (int)a[i]; /*@*/
}
int main(int argc, char **argv)
{
	long arr[N] = {1, 2, 3, 4};
	int i = N+100;
	(void)argv;
	printf("v=%d\n", get(arr, N, i + argc - 1));
	return 0;
}
