// expect: clean "done\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int table[16];
int main(void)
{
	table[15] = 5; /*@*/
	puts("done");
	return 0;
}
