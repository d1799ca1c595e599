// expect: clean "ok\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int use(int *p __counted_by_or_null(n), int n)
{ /*@*/
	return p ? p[0] : n;
}
int main(int argc, char **argv)
{
	(void)argv;
	(void)use(NULL, 3 + argc - 1);
	puts("ok");
	return 0;
}
