// expect: runtime-fail ptr-arith 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int back(const int *SEQ p, int k)
{
	p -= k; /*@*/
	return *p;
}
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	(void)argv;
	printf("%d\n", back(a + 1, 2 + argc - 1));
	return 0;
}
