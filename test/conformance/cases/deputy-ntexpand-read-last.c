// expect: clean "99\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *NTS s, int i)
{
	return NTEXPAND(s)[i]; /*@*/
}
int main(int argc, char **argv)
{
	char buf[8] = "abc";
	(void)argv;
	printf("%d\n", at(buf, 2 + argc - 1));
	return 0;
}
