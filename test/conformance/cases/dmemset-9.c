// expect: runtime-fail call 14
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void my_zero(void *p, int c, size_t n) DMEMSET(p, c, n);
static void my_zero(void *SIZE(n) p, int c, size_t n)
{
	memset(p, c, n);
}
static void clear(char *COUNT(len) buf, int len, size_t n)
{
	(void)len;
	my_zero(buf, 0, n); /*@*/
}
int main(int argc, char **argv)
{
	char b[8];
	(void)argv;
	clear(b, 8, 9 + (size_t)argc - 1);
	puts("ok");
	return 0;
}
