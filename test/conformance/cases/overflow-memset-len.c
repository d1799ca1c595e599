// expect: runtime-fail call 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void zero(char *COUNT(n) p, int n, unsigned long len)
{
	memset(p, 0, len); /*@*/
}
int main(void)
{
	char b[8];
	zero(b, 8, (unsigned long)-1);
	puts("ok");
	return 0;
}
