// expect: clean "2 1\n"
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
	int x = 1, y = 2;
	struct pair s = { .a = &x, .b = &y, .n = 2 };
	struct pair u;
	u.a = &y;
	u.b = &x; /*@*/
	int *p = s.b, *q = u.b;
	printf("%d %d\n", *p, *q);
	return 0;
}
