// expect: clean "97 97\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int first(const char *NTS s)
{
	return s[0];
}
int main(void)
{
	char buf[4] = "ab";
	printf("%d %d\n", first(NTDROP(buf)), first(NTEXPAND(buf))); /*@*/
	return 0;
}
