// expect: runtime-fail dependent-write 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct buf {
	int len;
	char *data COUNT(len);
};
static void set_len(struct buf *b, int n)
{
	b->len = n; /*@*/
}
int main(int argc, char **argv)
{
	char d[3];
	struct buf b = { .len = 3, .data = d };
	(void)argv;
	set_len(&b, -1 + argc - 1);
	printf("len=%d\n", b.len);
	return 0;
}
