// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(int *SIZE(bytes) p, int bytes, int i)
{
	(void)bytes;
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("v=%d\n", get(a, (int)sizeof(a), 4 + argc - 1));
	return 0;
}
