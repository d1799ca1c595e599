// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int *end_of(int *COUNT(n) a, int n, int extra)
{
	return a + (n + extra); /*@*/
}
int main(int argc, char **argv)
{
	int a[4];
	(void)argv;
	(void)end_of(a, 4, argc - 1);
	puts("ok");
	return 0;
}
