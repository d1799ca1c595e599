// expect: clean "s=3\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const int *COUNT(n) a, int n, int m)
{
	int s = 0;
	for (int i = 0; i < m; i++) {
		if (i == 2)
			break;
		s += a[i]; /*@*/
	}
	return s + n - n;
}
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("s=%d\n", sum(a, 4, 100));
	return 0;
}
