// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct blk {
	unsigned int n;
	char *p COUNT(n * 4u);
};
static int get(struct blk *b, long long i)
{
	return b->p[i]; /*@*/
}
int main(void)
{
	char s[8] = {0};
	struct blk b = { .n = 0x40000000u, .p = s };
	printf("%d\n", get(&b, 8));
	return 0;
}
