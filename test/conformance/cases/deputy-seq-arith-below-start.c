// expect: runtime-fail ptr-arith 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static const int *end_of(const int *SEQ p, int n)
{
	return p + n; /*@*/
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("%d\n", (int)(end_of(a + 1, -2 + argc - 1) - a));
	return 0;
}
