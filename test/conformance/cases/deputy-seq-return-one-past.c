// expect: runtime-fail upper 15
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int table[6] = {1, 2, 3, 4, 5, 6};
static int *SEQ window(int start)
{
	return table + start;
}
int main(int argc, char **argv)
{
	int *w = window(2);
	(void)argv;
	printf("%d\n", w[4 + argc - 1]); /*@*/
	return 0;
}
