// expect: clean "v=6\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4}, b[2] = {5, 6};
	int *p = a;
	int i = 1 + argc - 1;
	(void)argv;
	(void)b;
	if (argc == 1)
		p = b;
	printf("v=%d\n", p[i]); /*@*/
	return 0;
}
