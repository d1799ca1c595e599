// expect: runtime-fail lower 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	double a[8];
	int i = -1 + argc - 1;
	(void)argv;
	memset(a, 0, sizeof(a));
	a[i] = (double)1; /*@*/
	puts("ok");
	return 0;
}
