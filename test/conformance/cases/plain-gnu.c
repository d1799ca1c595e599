// expect: unchanged "2 5\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define max(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
struct __attribute__((packed)) s { char c; int i; };
int main(void)
{
	struct s v = { 1, 2 };
	printf("%d %zu\n", max(v.c, v.i), sizeof(struct s));
	return 0;
}
