// expect: runtime-fail upper 13
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static TRUSTED int peek_trusted(int *COUNT(n) a, int n, int i)
{
	(void)n;
	return a[i];
}
static int peek(int *COUNT(n) a, int n, int i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", peek_trusted(a, 2, 3));
	printf("%d\n", peek(a, 2, 3));
	return 0;
}
