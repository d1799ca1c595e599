// expect: runtime-fail count 11
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct buf {
	int len;
	char *data __counted_by(len);
};
int buf_sum(struct buf *b)
{ /*@*/
	int s = 0;
	for (int i = 0; i < b->len; i++)
		s += b->data[i];
	return s;
}
int main(int argc, char **argv)
{
	char d[3] = {1, 2, 3};
	struct buf b;
	(void)argv;
	(void)d;
	b.data = NULL;
	b.len = 3 + argc - 1;
	buf_sum(&b);
	puts("ok");
	return 0;
}
