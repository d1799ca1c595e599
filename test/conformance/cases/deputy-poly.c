// expect: clean "7\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *POLY ident(void *TP(t) p)
{
	return p;
}
int main(void)
{
	int x = 7;
	int *p = ident(&x); /*@*/
	printf("%d\n", *p);
	return 0;
}
