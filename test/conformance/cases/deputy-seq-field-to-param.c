// expect: runtime-fail upper 11
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ring {
	int *SEQ data;
};
static int get(const int *SEQ p, int i)
{
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	struct ring r = { .data = a };
	(void)argv;
	printf("%d\n", get(r.data, 3 + argc - 1));
	return 0;
}
