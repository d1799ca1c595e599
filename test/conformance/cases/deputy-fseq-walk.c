// expect: runtime-fail upper 10
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *FSEQ p, const int *end)
{
	int s = 0;
	while (p != end)
		s += *p++; /*@*/
	return s;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("%d\n", sum(a, a + 4 + argc));
	return 0;
}
