// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int i = 3 + argc - 1;
	(void)argv;
	printf("v=%d\n", *({ int *t = a; t += i; t; })); /*@*/
	return 0;
}
