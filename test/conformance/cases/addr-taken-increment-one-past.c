// expect: runtime-fail upper 15
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	int *p = a;
	int **pp = &p;
	int k;
	(void)argv;
	for (k = 0; k < 8 + argc - 1; k++)
		(*pp)++;
	printf("v=%d\n", p[0]); /*@*/
	return 0;
}
