// expect: unchanged "45\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	int *p = malloc(10 * sizeof(*p));
	int s = 0;
	for (int i = 0; i < 10; i++)
		p[i] = i;
	for (int i = 0; i < 10; i++)
		s += p[i];
	free(p);
	printf("%d\n", s);
	return 0;
}
