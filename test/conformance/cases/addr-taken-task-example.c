// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(void)
{
	int a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	int *p = &a[2];
	int **pp = &p;
	*pp += 10;
	printf("v=%d\n", p[0]); /*@*/
	return 0;
}
