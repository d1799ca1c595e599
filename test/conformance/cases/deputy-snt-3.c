// expect: runtime-fail nt-read 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *SNT s, int i)
{
	return s[i]; /*@*/
}
int main(int argc, char **argv)
{
	char b[8] = "hi";
	(void)argv;
	b[3] = 'z';
	printf("c=%d\n", at(b, 3 + argc - 1));
	return 0;
}
