// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int *p = a + 2;
	int k = -2 + argc - 1;
	(void)argv;
	printf("v=%d\n", *(p - k)); /*@*/
	return 0;
}
