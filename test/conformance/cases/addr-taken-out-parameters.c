// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
static void first_of(int *COUNT(n) arr, int n, int **out)
{
	*out = n > 0 ? arr : NULL;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	int x = 0;
	char *end;
	int *p = a;
	long v = strtol("3x", &end, 10);
	sscanf("1", "%d", &x);
	first_of(a, 4, &p);
	printf("v=%ld\n", v + x + p[0] - 2 + (*end == 'x')); /*@*/
	return 0;
}
