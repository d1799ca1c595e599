// expect: runtime-fail upper 18
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
struct rec {
	long stamp;
	char len;
	char data[] __counted_by(len);
};
int main(int argc, char **argv)
{
	struct rec *r = malloc(offsetof(struct rec, data) + 3);
	(void)argv;
	r->stamp = 1;
	r->len = 3;
	r->data[2] = 4;
	printf("v=%d\n", r->data[3 + argc - 1]); /*@*/
	free(r);
	return 0;
}
