// expect: clean "v=3\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int a[6] = {1, 2, 3, 4, 5, 6};
	int *q = a + 2;
	int i = 0 + argc - 1;
	(void)argv;
	printf("v=%d\n", q[i]); /*@*/
	return 0;
}
