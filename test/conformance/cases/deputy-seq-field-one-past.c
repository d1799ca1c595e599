// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ring {
	int n;
	int *SEQ data;
};
static int peek(struct ring *NONNULL r, int i)
{
	return r->data[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[5] = {1, 2, 3, 4, 5};
	struct ring r = { .n = 3, .data = a + 1 };
	(void)argv;
	printf("%d\n", peek(&r, 4 + argc - 1));
	return 0;
}
