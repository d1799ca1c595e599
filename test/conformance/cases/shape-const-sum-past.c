// expect: compile-error 9 "index 4 is out of bounds"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
int main(void)
{
	int a[4] = {1, 2, 3, 4};
	printf("v=%d\n", *(a + 2 + 2)); /*@*/
	return 0;
}
