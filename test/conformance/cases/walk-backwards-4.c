// expect: runtime-fail lower 13
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int a[3] = {1, 2, 3};
	int *p = a + 2;
	int s = 0;
	(void)argv;
	for (int k = 0; k < 4 + argc - 1; k++) {
		s += *p; /*@*/
		p--;
	}
	printf("s=%d\n", s);
	return 0;
}
