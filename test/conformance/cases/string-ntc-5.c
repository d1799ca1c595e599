// expect: runtime-fail nt-read 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *NTC(3) s, int i)
{
	return s[i]; /*@*/
}
int main(int argc, char **argv)
{
	(void)argv;
	printf("c=%d\n", at("abcd", 5 + argc - 1));
	return 0;
}
