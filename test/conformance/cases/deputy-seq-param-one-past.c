// expect: runtime-fail upper 10
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *SEQ p, int lo, int hi)
{
	int s = 0;
	for (int i = lo; i < hi; i++)
		s += p[i]; /*@*/
	return s;
}
int main(int argc, char **argv)
{
	int a[6] = {1, 2, 3, 4, 5, 6};
	(void)argv;
	printf("%d\n", sum(a + 2, 0 + argc - 1, 5 + argc - 1));
	return 0;
}
