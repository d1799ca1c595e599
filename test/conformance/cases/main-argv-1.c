// expect: clean "arg=x\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int k = 1 + argc - 2;
	const char *a = argv[k]; /*@*/
	printf("%s\n", a ? "arg=x" : "null");
	return 0;
}
