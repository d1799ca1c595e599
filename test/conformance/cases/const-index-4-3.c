// expect: clean "done\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int table[4];
int main(void)
{
	table[3] = 5; /*@*/
	puts("done");
	return 0;
}
