// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int peek(int *COUNT(n) a, int n, int i)
{
	int v;
	{ TRUSTEDBLOCK
		v = a[i];
	}
	v += a[i]; /*@*/
	(void)n;
	return v;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", peek(a, 2, 3));
	return 0;
}
