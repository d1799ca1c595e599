// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[8] = {0};
	int b[2] = {3, 4};
	int *p = a;
	int **pp;
	(void)argv;
	pp = &p;
	(*pp)[7] = 1;
	*pp = b;
	printf("v=%d\n", p[1 + argc - 1]); /*@*/
	return 0;
}
