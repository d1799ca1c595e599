// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
struct inner { int x; };
struct outer { int tag; struct inner in; };
static int tag_of(struct inner *COUNT(1) i)
{
	struct outer *o = (struct outer *)((char *)i - offsetof(struct outer, in)); /*@*/
	return o->tag;
}
int main(void)
{
	struct outer o = { .tag = 4, .in = { .x = 1 } };
	printf("v=%d\n", tag_of(&o.in));
	return 0;
}
