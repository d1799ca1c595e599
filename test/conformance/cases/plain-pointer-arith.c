// expect: unchanged "9\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	int a[4] = { 1, 2, 3, 4 };
	int *p = a + 1, *e = a + 4, s = 0;
	while (p < e)
		s += *p++;
	printf("%d\n", s);
	return 0;
}
