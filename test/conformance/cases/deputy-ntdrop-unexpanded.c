// expect: compile-error 8 "out of bounds"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int first(const char *NTS s)
{
	return NTDROP(s)[0]; /*@*/
}
int main(void)
{
	printf("%d\n", first("abc"));
	return 0;
}
