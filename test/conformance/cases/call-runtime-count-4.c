// expect: clean "10\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *COUNT(n) a, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int n = 4 + argc - 1;
	(void)argv;
	printf("%d\n", sum(a, n)); /*@*/
	return 0;
}
