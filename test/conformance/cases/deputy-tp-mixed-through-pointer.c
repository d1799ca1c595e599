// expect: compile-error 15 "already 'int'"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pair TP(t) {
	void *TV(t) a;
	void *TV(t) b;
	int n;
};

static void fill(struct pair *NONNULL p, int *x, char *c)
{
	p->a = x;
	p->b = c; /*@*/
}
int main(void)
{
	int x = 1;
	char c = 'c';
	struct pair s;
	fill(&s, &x, &c);
	printf("%d\n", *(int *)s.a);
	return 0;
}
