// expect: compile-error 8 "out of bounds"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	printf("%d\n", "abc"[4]); /*@*/
	return 0;
}
