// expect: runtime-fail upper 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *SEQ p, int i)
{
	return p[i]; /*@*/
}
static int shifted(const int *SEQ p, int i)
{
	return get(p + 1, i);
}
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	(void)argv;
	printf("%d\n", shifted(a, 2 + argc - 1));
	return 0;
}
