// expect: clean "s=10\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *COUNT(n) p, int n, int steps)
{
	int s = 0;
	while (steps-- > 0) {
		s += n > 0 ? p[0] : 0;
		p++; /*@*/
		n--;
	}
	return s;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("s=%d\n", sum(a, 4, 4 + argc - 1));
	return 0;
}
