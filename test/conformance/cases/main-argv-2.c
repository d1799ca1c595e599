// expect: clean "null\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int k = 2 + argc - 2;
	const char *a = argv[k]; /*@*/
	printf("%s\n", a ? "arg=x" : "null");
	return 0;
}
