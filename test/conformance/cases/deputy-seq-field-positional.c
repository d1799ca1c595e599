// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ring {
	int *SEQ data;
	int n;
};
static int peek(struct ring *NONNULL r, int i)
{
	return r->data[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	struct ring r = { a, 3 };
	(void)argv;
	printf("%d\n", peek(&r, 2 + argc));
	return 0;
}
