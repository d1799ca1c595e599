// expect: clean "v=0\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int m[3][4] = {{0}};
	int i = 2 + argc - 1, j = 3;
	(void)argv;
	printf("v=%d\n", m[i][j]); /*@*/
	return 0;
}
