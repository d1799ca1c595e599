// expect: compile-error 13 "claims 4"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct vec {
	int *COUNT(4) v;
};
int main(void)
{
	int a[3] = {1, 2, 3};
	struct vec x;
	x.v = a; /*@*/
	printf("%d\n", x.v[0]);
	return 0;
}
