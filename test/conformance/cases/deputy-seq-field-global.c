// expect: clean "3\n3\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ring {
	int *SEQ data;
	int n;
};
static int store[3] = {1, 2, 3};
static struct ring global_ring = { store, 3 };
static int peek(struct ring *NONNULL r, int i)
{
	return r->data[i]; /*@*/
}
int main(void)
{
	printf("%d\n", peek(&global_ring, 2));
	global_ring.data = store + 1;
	printf("%d\n", peek(&global_ring, 1));
	return 0;
}
