// expect: clean "2\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int table[2] = {1, 2};
static TRUSTED int *SEQ anything(void)
{
	return table;
}
int main(void)
{
	int *w = anything();
	printf("%d\n", w[1]); /*@*/
	return 0;
}
