// expect: clean "v=5\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct buf {
	int len;
};
struct ring {
	unsigned int count;
	struct buf *COUNT(count) info;
};

static int f(struct ring *NONNULL r, unsigned int i, int k)
{
	struct buf *b, *e;
	b = &r->info[i];
	e = b + (k + 1); /*@*/
	return (int)(e - b) + b->len;
}

int main(int argc, char **argv)
{
	struct buf bufs[4] = { {1}, {2}, {3}, {4} };
	struct ring r = { .count = 4, .info = bufs };
	int k = 1 + argc - 1;
	(void)argv;
	printf("v=%d\n", f(&r, 2, k));
	return 0;
}
