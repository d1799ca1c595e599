// expect: unchanged "3\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int count(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}
int main(void)
{
	printf("%d\n", count("banana", 'a'));
	return 0;
}
