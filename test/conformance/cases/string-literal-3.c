// expect: clean "c=0\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int i = 3 + argc - 1;
	(void)argv;
	printf("c=%d\n", "abc"[i]); /*@*/
	return 0;
}
