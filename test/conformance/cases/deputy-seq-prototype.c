// expect: runtime-fail upper 18
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int total(const int *SEQ p, int n);
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	(void)argv;
	printf("%d\n", total(a, 3 + argc));
	return 0;
}
int total(const int *SEQ p, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i]; /*@*/
	return s;
}
