// expect: unchanged "30\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	int a[5], s = 0;
	for (int i = 0; i < 5; i++)
		a[i] = i * i;
	for (int i = 0; i < 5; i++)
		s += a[i];
	printf("%d\n", s);
	return 0;
}
