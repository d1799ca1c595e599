// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct desc {
	unsigned short n_be;
	unsigned char *data __counted_by_be(n_be);
};
static int get(struct desc *d, int i)
{
	return d->data[i]; /*@*/
}
int main(int argc, char **argv)
{
	unsigned char b[2] = {1, 2};
	struct desc d = { .n_be = 0x0200, .data = b };
	(void)argv;
	printf("v=%d\n", get(&d, 2 + argc - 1));
	return 0;
}
