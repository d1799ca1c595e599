// expect: runtime-fail upper 16
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int table[4] = {1, 2, 3, 4};
static int *FSEQ from(int start)
{
	return &table[start];
}
int main(int argc, char **argv)
{
	int *w;
	(void)argv;
	w = from(1);
	printf("%d\n", w[3 + argc - 1]); /*@*/
	return 0;
}
