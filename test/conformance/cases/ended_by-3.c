// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(int *p __ended_by(end), int *end, int i)
{
	(void)end;
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("v=%d\n", get(a, a + 4, 3 + argc - 1));
	return 0;
}
