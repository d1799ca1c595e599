// expect: clean "6 0\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned int my_strlen(const char *NTS s)
{
	unsigned int n = 0;
	while (s[n]) /*@*/
		n++;
	return n;
}
int main(void)
{
	printf("%u %u\n", my_strlen("driver"), my_strlen(""));
	return 0;
}
