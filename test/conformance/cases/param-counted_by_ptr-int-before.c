// expect: runtime-fail lower 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define N 4
int get(int *a __counted_by_ptr(n), int n, int i)
{
	return (int)a[i]; /*@*/
}
int main(int argc, char **argv)
{
	int arr[N] = {1, 2, 3, 4};
	int i = -1;
	(void)argv;
	printf("v=%d\n", get(arr, N, i + argc - 1));
	return 0;
}
