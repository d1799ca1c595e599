// expect: clean "v=1\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int *p = a + 2;
	int *q;
	int k = 2 + argc - 1;
	(void)argv;
	q = p - k; /*@*/
	printf("v=%d\n", *q);
	return 0;
}
