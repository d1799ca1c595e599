// expect: runtime-fail count 7
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int use(int *p __sized_by(n), int n)
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
