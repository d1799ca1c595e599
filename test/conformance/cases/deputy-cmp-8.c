// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int my_cmp(void *d, const void *s, size_t n) DMEMCMP(d, s, n);
static int my_cmp(void *SIZE(n) d, const void *SIZE(n) s, size_t n)
{
	return memcmp(d, s, n);
}
int main(int argc, char **argv)
{
	char buf[8] = {0}, src[16] = {0};
	size_t n = 8 + (size_t)argc - 1;
	(void)argv;
	(void)my_cmp(buf, src, n); /*@*/
	puts("ok");
	return 0;
}
