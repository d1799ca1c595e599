// expect: clean "7\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int first(int *NONNULL p)
{
	return *p;
}
static int *OPT pick(int *OPT p, int which)
{
	return which ? NULL : p;
}
int main(int argc, char **argv)
{
	int x = 7;
	int *OPT q = pick(&x, 0 + argc - 1);
	(void)argv;
	printf("%d\n", first(q)); /*@*/
	return 0;
}
