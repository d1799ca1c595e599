// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *COUNT(n) a, int n, int i)
{
	if (i <= n)
		return a[i]; /*@*/
	return -1;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("v=%d\n", get(a, 4, 4 + argc - 1));
	return 0;
}
