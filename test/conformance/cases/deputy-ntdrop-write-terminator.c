// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void put(char *NTS s, int i, char c)
{
	char *p = NTDROP(NTEXPAND(s));
	p[i] = c; /*@*/
}
int main(int argc, char **argv)
{
	char buf[8] = "abc";
	(void)argv;
	put(buf, 3 + argc - 1, 'x');
	printf("%s\n", buf);
	return 0;
}
