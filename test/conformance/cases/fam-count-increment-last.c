// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#define struct_size(p, member, count) (sizeof(*(p)) + sizeof((p)->member[0]) * (count))
#define GFP_KERNEL 0
static inline void *kmalloc(size_t size, int flags)
{
	(void)flags;
	return malloc(size);
}
struct msg {
	int n;
	int data[] __counted_by(n);
};

int main(int argc, char **argv)
{
	struct msg *m = malloc(struct_size(m, data, 4));
	(void)argv;
	m->n = 3;
	m->n++; /*@*/
	m->data[m->n - argc] = 4;
	printf("v=%d\n", m->data[3]);
	free(m);
	return 0;
}
