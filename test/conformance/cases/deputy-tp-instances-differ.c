// expect: clean "1 d\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pair TP(t) {
	void *TV(t) a;
	void *TV(t) b;
	int n;
};

int main(void)
{
	int x = 1;
	char c = 'c', d = 'd';
	struct pair s = { .a = &x, .b = &x, .n = 2 };
	struct pair u = { &c, &d, 2 }; /*@*/
	int *p = s.a;
	char *q = u.b;
	printf("%d %c\n", *p, *q);
	return 0;
}
