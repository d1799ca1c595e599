// expect: clean "len=8\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct buf {
	int len;
	char *data COUNT(len);
};
static void reinit(struct buf *b, char *COUNT(n) d, int n)
{
	b->data = d;
	b->len = n; /*@*/
}
int main(void)
{
	char d1[3], d2[8];
	struct buf b = { .len = 3, .data = d1 };
	reinit(&b, d2, 8);
	printf("len=%d\n", b.len);
	return 0;
}
