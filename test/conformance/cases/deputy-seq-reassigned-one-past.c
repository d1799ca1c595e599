// expect: runtime-fail upper 10
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int pick(const int *SEQ p, const int *COUNT(2) other, int use_other, int i)
{
	if (use_other)
		p = other;
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4}, b[2] = {5, 6};
	(void)argv;
	printf("%d\n", pick(a, b, 1, 2 + argc - 1));
	return 0;
}
