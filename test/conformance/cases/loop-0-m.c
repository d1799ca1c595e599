// expect: clean "s=10\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *COUNT(n) a, int n, int m)
{
	int s = 0;
	for (int i = 0; i < m; i++)
		s += a[i]; /*@*/
	return s + m - m;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("s=%d\n", sum(a, 4, 3 + argc));
	return 0;
}
