// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct msg {
	int n;
	int data[] __counted_by(n);
};
static int at(struct msg *m, int i)
{
	return m->data[i]; /*@*/
}
int main(int argc, char **argv)
{
	struct msg *m = malloc(sizeof(*m) + 5 * sizeof(int));
	int k;
	(void)argv;
	m->n = 4;
	for (k = 0; k < 4; k++)
		m->data[k] = 10 * (k + 1);
	printf("d=%d\n", at(m, 4 + argc - 1));
	free(m);
	return 0;
}
