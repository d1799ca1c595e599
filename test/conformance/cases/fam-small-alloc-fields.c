// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
struct rec {
	long stamp;
	char len;
	char data[] __counted_by(len);
};
int main(void)
{
	struct rec *r = malloc(sizeof(long) + sizeof(char) + 3);
	r->stamp = 1;
	r->len = 3;
	r->data[2] = 3;
	printf("v=%d\n", (int)r->stamp + r->data[2]); /*@*/
	free(r);
	return 0;
}
