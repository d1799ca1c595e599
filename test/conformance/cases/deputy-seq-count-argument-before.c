// expect: clean "1\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *SEQ p, int i)
{
	return p[i]; /*@*/
}
static int via_count(const int *COUNT(n) q, int n, int i)
{
	return get(q + 1, i);
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("%d\n", via_count(a, 3, -1 + argc - 1));
	return 0;
}
