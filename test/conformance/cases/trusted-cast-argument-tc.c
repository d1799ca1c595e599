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
static int sum4(int *p)
{
	return sum(TC(p), 4); /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", sum4(a));
	return 0;
}
