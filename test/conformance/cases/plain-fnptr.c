// expect: unchanged "5\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int add(int a, int b) { return a + b; }
int main(void)
{
	int (*f)(int, int) = add;
	printf("%d\n", f(2, 3));
	return 0;
}
