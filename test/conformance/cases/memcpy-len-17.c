// expect: runtime-fail call 11
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void fill(char *COUNT(len) buf, int len, int n)
{
	char src[64] = {0};
	(void)len;
	(void)src;
	memcpy(buf, src, n); /*@*/
}
int main(int argc, char **argv)
{
	char b[16];
	(void)argv;
	fill(b, 16, 17 + argc - 1);
	puts("ok");
	return 0;
}
