// expect: compile-error 8 "NTEXPAND needs a null-terminated pointer"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int at(const char *COUNT(n) s, int n, int i)
{
	return i < n ? NTEXPAND(s)[i] : 0; /*@*/
}
int main(void)
{
	printf("%d\n", at("abc", 3, 1));
	return 0;
}
