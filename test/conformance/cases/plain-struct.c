// expect: unchanged "42\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct p { int x, y; };
static int f(struct p *q) { return q->x * q->y; }
int main(void)
{
	struct p v = { 6, 7 };
	printf("%d\n", f(&v));
	return 0;
}
