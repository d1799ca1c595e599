// expect: clean "6\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned int walk_len(const char *NTS s)
{
	unsigned int n = 0;
	while (*s) {
		s++; /*@*/
		n++;
	}
	return n;
}
int main(void)
{
	printf("%u\n", walk_len("fgftc!"));
	return 0;
}
