// expect: compile-error 9 "declared COUNT(8)"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int *COUNT(8) window(void)
{
	static int store[4];
	return store; /*@*/
}
int main(void)
{
	printf("%d\n", window()[0]);
	return 0;
}
