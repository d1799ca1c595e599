// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *grow(void *p, size_t sz) DREALLOC(p, sz);
static void *grow(void *p, size_t sz)
{
	return realloc(p, sz);
}
static void release(void *p) DFREE(p);
static void release(void *p)
{
	free(p);
}
int main(int argc, char **argv)
{
	int *p = malloc(4 * sizeof(int));
	int i = 7 + argc - 1;
	(void)argv;
	p = grow(p, 8 * sizeof(int));
	if (!p)
		return 1;
	p[i] = 1; /*@*/
	release(p);
	puts("ok");
	return 0;
}
