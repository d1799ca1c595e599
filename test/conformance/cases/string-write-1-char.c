// expect: clean "hallo\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void put(char *NTS s, int i, char c)
{
	s[i] = c; /*@*/
}
int main(int argc, char **argv)
{
	char buf[16] = "hello";
	(void)argv;
	put(buf, 1 + argc - 1, 'a');
	buf[15] = 0;
	printf("%.5s\n", buf);
	return 0;
}
