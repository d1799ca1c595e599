// expect: runtime-fail upper 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int twice(const int *COUNT(n) a, int n, int i)
{
	int x = a[i]; /*@*/
	int y = a[i];
	return x + y + n - n;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("%d\n", twice(a, 4, 4 + argc - 1));
	return 0;
}
