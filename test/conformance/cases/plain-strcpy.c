// expect: unchanged "abcdef 6\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	char b[16];
	strcpy(b, "abc");
	strcat(b, "def");
	printf("%s %zu\n", b, strlen(b));
	return 0;
}
