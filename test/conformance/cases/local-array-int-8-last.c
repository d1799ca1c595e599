// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int a[8];
	int i = 7 + argc - 1;
	(void)argv;
	memset(a, 0, sizeof(a));
	a[i] = (int)1; /*@*/
	puts("ok");
	return 0;
}
