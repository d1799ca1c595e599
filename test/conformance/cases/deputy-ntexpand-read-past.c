// expect: runtime-fail nt-read 8
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
	printf("%d\n", at(buf, 4 + argc - 1));
	return 0;
}
