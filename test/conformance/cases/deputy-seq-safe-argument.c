// expect: clean "7\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *SEQ p, int i)
{
	return p[i]; /*@*/
}
static int one(const int *SAFE x, int i)
{
	return get(x, i);
}
int main(int argc, char **argv)
{
	int a[2] = {7, 8};
	(void)argv;
	printf("%d\n", one(&a[0], 0 + argc - 1));
	return 0;
}
