// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void fill(char *COUNT(len) buf, int len, int n)
{
	char src[64] = {0};
	(void)len;
	(void)src;
	memset(buf, 0, n); /*@*/
}
int main(int argc, char **argv)
{
	char b[16];
	(void)argv;
	fill(b, 16, 16 + argc - 1);
	puts("ok");
	return 0;
}
