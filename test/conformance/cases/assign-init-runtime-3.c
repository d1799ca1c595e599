// expect: clean "1\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	int n = 3 + argc - 1;
	int *COUNT(n) p = a; /*@*/
	(void)argv;
	printf("%d\n", p[0]);
	return 0;
}
