// expect: runtime-fail lower 10
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(int *BND(lo, hi) p, int *lo, int *hi, int i)
{
	(void)lo;
	(void)hi;
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("v=%d\n", get(a, a, a + 4, -1 + argc - 1));
	return 0;
}
