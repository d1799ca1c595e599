// expect: clean "3 3\n"
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
int main(void)
{
	int a[3] = {1, 2, 3};
	struct ring r = { a, 3 };
	printf("%d %d\n", peek(&r, 2), r.n);
	return 0;
}
