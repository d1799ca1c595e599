// expect: runtime-fail upper 17
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct vec {
	int *SEQ v;
};
int main(int argc, char **argv)
{
	struct vec x;
	(void)argv;
	x.v = malloc(4 * sizeof(int));
	if (!x.v)
		return 1;
	x.v[3 + argc - 1] = 1;
	x.v[4 + argc - 1] = 2; /*@*/
	free(x.v);
	return 0;
}
