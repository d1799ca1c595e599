// expect: clean "c=111\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *NT s, int i)
{
	return s[i]; /*@*/
}
int main(int argc, char **argv)
{
	char buf[16] = "hello";
	(void)argv;
	buf[6] = 'x';
	printf("c=%d\n", at(buf, 4 + argc - 1));
	return 0;
}
