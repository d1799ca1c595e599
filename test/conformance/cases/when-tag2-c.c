// expect: clean "v=120\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct val {
	int tag;
	union {
		int i WHEN(tag == 1);
		char c WHEN(tag == 2);
	} u;
};
static int get(struct val *v)
{
	return v->u.c; /*@*/
}
int main(int argc, char **argv)
{
	struct val v;
	(void)argv;
	v.tag = 2 + argc - 1;
	if (v.tag == 1)
		v.u.i = 42;
	else
		v.u.c = 'x';
	printf("v=%d\n", get(&v));
	return 0;
}
