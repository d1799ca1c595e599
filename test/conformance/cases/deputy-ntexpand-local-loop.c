// expect: runtime-fail upper 10
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int count_vowels(const char *NTS s)
{
	const char *p = NTDROP(NTEXPAND(s));
	int n = 0;
	for (int i = 0; p[i]; i++) /*@*/
		n += strchr("aeiou", p[i]) != NULL;
	return n;
}
int main(void)
{
	printf("%d\n", count_vowels("education"));
	return 0;
}
