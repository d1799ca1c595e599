// expect: clean "4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int peek(int *COUNT(n) a, int n, int i)
{
	int v;
	(void)n;
	{ TRUSTEDBLOCK
		v = a[i]; /*@*/
	}
	return v;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", peek(a, 2, 3));
	return 0;
}
