// expect: logged upper 10 "s=10\ns=21\ns=36\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *COUNT(n) a, int n, int m)
{
	int s = 0;
	for (int i = 0; i < m; i++)
		s += a[i]; /*@*/
	return s + n - n;
}
int main(void)
{
	int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	printf("s=%d\n", sum(a, 4, 4));
	printf("s=%d\n", sum(a, 4, 6));
	printf("s=%d\n", sum(a, 4, 8));
	return 0;
}
// fail-mode: log
