// expect: clean "97 98\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int first(const char *NTS s)
{
	return s[0];
}
static int last(const char *COUNT(n) p, int n)
{
	return n > 0 ? p[n - 1] : 0;
}
int main(void)
{
	const char *NTS s = "ab";
	printf("%d %d\n", first(NTEXPAND(s)), last(NTDROP(NTEXPAND(s)), 2)); /*@*/
	return 0;
}
