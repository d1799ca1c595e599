// expect: compile-error 8 "without updating its count"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int second(const int *COUNT(n) p, int n)
{
	p++; /*@*/
	return p[0] + n;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", second(a, 4));
	return 0;
}
