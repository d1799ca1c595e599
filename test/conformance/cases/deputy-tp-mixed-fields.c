// expect: compile-error 18 "type variable 't' is already 'int'"
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
	char c = 'c';
	struct pair s;
	s.a = &x;
	s.b = &c; /*@*/
	s.n = 2;
	printf("%d\n", s.n);
	return 0;
}
