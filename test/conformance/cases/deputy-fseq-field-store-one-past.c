// expect: runtime-fail upper 12
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ring {
	int *FSEQ cur;
	int n;
};
static int next(struct ring *NONNULL r, int i)
{
	return r->cur[i]; /*@*/
}
int main(int argc, char **argv)
{
	int *heap = malloc(3 * sizeof(int));
	struct ring r;
	(void)argv;
	if (!heap)
		return 1;
	heap[0] = 7; heap[1] = 8; heap[2] = 9;
	r.cur = heap;
	r.n = 3;
	printf("%d\n", next(&r, 3 + argc - 1));
	free(heap);
	return 0;
}
