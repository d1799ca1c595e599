// expect: runtime-fail assign 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int store[4] = {1, 2, 3, 4};
static int *COUNT(n) window(int n)
{
	return store; /*@*/
}
int main(int argc, char **argv)
{
	(void)argv;
	printf("%d\n", window(5 + argc - 1)[3]);
	return 0;
}
