// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *my_alloc(size_t sz) DALLOC(sz);
static void *my_alloc(size_t sz)
{
	return malloc(sz);
}
int main(int argc, char **argv)
{
	int n = 5 + argc - 1;
	int *p = calloc(n, sizeof(int));
	int i = n - 1;
	(void)argv;
	(void)my_alloc;
	if (!p)
		return 1;
	p[i] = 1; /*@*/
	free(p);
	puts("ok");
	return 0;
}
