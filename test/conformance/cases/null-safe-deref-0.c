// expect: clean "9\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(int *SAFE p)
{
	return *p; /*@*/
}
int main(int argc, char **argv)
{
	int x = 9;
	(void)argv;
	printf("%d\n", get(0 + argc - 1 ? NULL : &x));
	return 0;
}
