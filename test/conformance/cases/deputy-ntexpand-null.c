// expect: runtime-fail null 8
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *NTS s, int i)
{
	return NTEXPAND(s)[i]; /*@*/
}
int main(int argc, char **argv)
{
	const char *s = argc > 5 ? argv[0] : NULL;
	printf("%d\n", at(s, 1));
	return 0;
}
