// expect: runtime-fail upper 21
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node {
	int len;
	int *vals COUNT(len);
};
int main(int argc, char **argv)
{
	int x[3] = {1, 2, 3}, y[1] = {9};
	struct node n1 = { .len = 3, .vals = x }, n2 = { .len = 1, .vals = y };
	const int *cur;
	int s = 0;
	(void)argv;
	(void)n2;
	cur = y;
	for (cur = n1.vals; s >= 0; cur = n1.vals) {
		for (int k = 0; k < 4 + argc - 1; k++)
			s += cur[k]; /*@*/
		break;
	}
	printf("s=%d\n", s);
	return 0;
}
