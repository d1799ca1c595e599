// expect: compile-error 16 "but 'p' points to 'char'"
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
	struct pair s = { .a = &x, .b = &y };
	char *p = s.a; /*@*/
	printf("%d\n", *p);
	return 0;
}
