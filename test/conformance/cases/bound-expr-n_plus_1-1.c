// expect: runtime-fail upper 19
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define NELEM 6
static int nglobal = 6;
struct ring {
	int n;
	int *slot COUNT(n + 1);
};
static int cap(struct ring *r)
{
	(void)r;
	return r->n + 1;
}
static int get(struct ring *r, int i)
{
	return r->slot[i]; /*@*/
}
int main(int argc, char **argv)
{
	int store[32] = {0};
	struct ring r = { .n = 4, .slot = store };
	(void)argv;
	(void)nglobal;
	(void)cap;
	printf("v=%d\n", get(&r, cap(&r) - 1 + 1 + argc - 1));
	return 0;
}
