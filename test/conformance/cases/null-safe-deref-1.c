// expect: runtime-fail null 8
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
	printf("%d\n", get(1 + argc - 1 ? NULL : &x));
	return 0;
}
