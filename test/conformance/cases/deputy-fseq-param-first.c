// expect: clean "2\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const int *FSEQ p, int i)
{
	return p[i]; /*@*/
}
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	(void)argv;
	printf("%d\n", at(a + 1, 0 + argc - 1));
	return 0;
}
