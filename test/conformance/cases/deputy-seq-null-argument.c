// expect: runtime-fail null 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int get(const int *SEQ p, int i)
{
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	(void)argv;
	printf("%d\n", get(NULL, argc - 1));
	return 0;
}
