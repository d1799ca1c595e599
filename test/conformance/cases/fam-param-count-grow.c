// expect: runtime-fail dependent-write 20
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

static void resize(struct msg *m, int k)
{
	m->n = k; /*@*/
}
int main(int argc, char **argv)
{
	struct msg *m = malloc(struct_size(m, data, 4));
	(void)argv;
	m->n = 4;
	m->data[1] = 4;
	resize(m, 5 + argc - 1);
	printf("v=%d\n", m->data[1]);
	free(m);
	return 0;
}
