// expect: runtime-fail null 11
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	const char *s = "hello";
	const char *p = 1 + argc - 1 ? strchr(s, 'z') : strchr(s, 'l');
	(void)argv;
	printf("c=%c\n", *p); /*@*/
	return 0;
}
