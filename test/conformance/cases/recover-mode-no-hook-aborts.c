// expect: runtime-fail upper 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *COUNT(n) a, int n, int i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[2] = {5, 6};
	printf("%d\n", get(a, 2, 1));
	printf("%d\n", get(a, 2, 2));
	return 0;
}
// fail-mode: recover
