// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void my_copy(void *d, const void *s, size_t n) DMEMCPY(d, s, n);
static void my_copy(void *SIZE(n) d, const void *SIZE(n) s, size_t n)
{
	memmove(d, s, n);
}
int main(int argc, char **argv)
{
	char buf[8] = {0}, src[16] = {0};
	size_t n = 8 + (size_t)argc - 1;
	(void)argv;
	my_copy(buf, src, n); /*@*/
	puts("ok");
	return 0;
}
