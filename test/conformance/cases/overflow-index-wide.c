// expect: runtime-fail upper 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *COUNT(n) a, int n, long long i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("%d\n", get(a, 4, 0x100000000LL));
	return 0;
}
