// expect: clean "6\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int sum(const char *COUNT(n) p, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += p[i] - 'a';
	return s;
}
static int total(const char *NTS s, int extra)
{
	int n = (int)strlen(s) + extra;
	return sum(NTDROP(NTEXPAND(s)), n); /*@*/
}
int main(int argc, char **argv)
{
	(void)argv;
	printf("%d\n", total("abcd", 0 + argc - 1));
	return 0;
}
