// expect: runtime-fail upper 13
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	int *p = a;
	int **pp = &p;
	(void)argv;
	*pp += 2;
	printf("v=%d\n", (*pp)[6 + argc - 1]); /*@*/
	return 0;
}
