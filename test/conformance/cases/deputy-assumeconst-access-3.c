// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct cfg {
	int n ASSUMECONST;
	int *vals COUNT(n);
};
int main(int argc, char **argv)
{
	int v[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	struct cfg c = { .n = 4, .vals = v };
	int i = 3 + argc - 1;
	(void)argv;
	printf("v=%d\n", c.vals[i]); /*@*/
	return 0;
}
