// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define N 4
int get(int *COUNT(n) a, int n, int i)
{
	return (int)a[i]; /*@*/
}
int main(int argc, char **argv)
{
	int arr[N] = {1, 2, 3, 4};
	int i = N+100;
	(void)argv;
	printf("v=%d\n", get(arr, N, i + argc - 1));
	return 0;
}
