// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	unsigned long a[1];
	int i = 1 + argc - 1;
	(void)argv;
	memset(a, 0, sizeof(a));
	a[i] = (unsigned long)1; /*@*/
	puts("ok");
	return 0;
}
