// expect: clean "99\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *NTC(3) s, int i)
{
	const char *p = NTDROP(s);
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	(void)argv;
	printf("%d\n", at("abcdef", 2 + argc - 1));
	return 0;
}
