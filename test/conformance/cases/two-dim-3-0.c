// expect: runtime-fail upper 11
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int m[3][4] = {{0}};
	int i = 3 + argc - 1, j = 0;
	(void)argv;
	printf("v=%d\n", m[i][j]); /*@*/
	return 0;
}
