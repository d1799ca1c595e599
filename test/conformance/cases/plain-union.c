// expect: unchanged "5\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
union u { int i; float f; };
int main(void)
{
	union u x;
	x.i = 5;
	printf("%d\n", x.i);
	return 0;
}
