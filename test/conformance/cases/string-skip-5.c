// expect: clean "0\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int skip(const char *NTS s, int k)
{
	const char *NTS t = s + k; /*@*/
	return t == s;
}
int main(int argc, char **argv)
{
	char buf[16] = "hello";
	(void)argv;
	buf[6] = 'x';
	printf("%d\n", skip(buf, 5 + argc - 1));
	return 0;
}
