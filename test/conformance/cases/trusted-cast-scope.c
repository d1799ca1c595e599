// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int peek(int *COUNT(n) a, int n, int i)
{
	(void)n;
	return TC(a[i]) + a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", peek(a, 2, 3));
	return 0;
}
