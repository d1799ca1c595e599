// expect: compile-error 9 "SAFE"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int f(int *SAFE p)
{
	int *q = p;
	p++; /*@*/
	return *q;
}
int main(void)
{
	int x = 1;
	return f(&x) - 1;
}
