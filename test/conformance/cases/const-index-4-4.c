// expect: compile-error 9 "out of bounds"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int table[4];
int main(void)
{
	table[4] = 5; /*@*/
	puts("done");
	return 0;
}
