// expect: clean "v=4\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv)
{
	int a[4] = {1, 2, 3, 4};
	int *SEQ q = a;
	int i = 3 + argc - 1;
	(void)argv;
	printf("v=%d\n", q[i]); /*@*/
	return 0;
}
