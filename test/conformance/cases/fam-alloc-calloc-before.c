// expect: runtime-fail lower 27
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
	int cap = 4 + argc - 1;
	struct msg *m = calloc(1, sizeof(struct msg) + sizeof(int) * cap);
	int k;
	(void)argv;
	m->n = cap;
	for (k = 0; k < m->n; k++)
		m->data[k] = k + 1;
	printf("v=%d\n", m->data[-1 + argc - 1]); /*@*/
	free(m);
	return 0;
}
