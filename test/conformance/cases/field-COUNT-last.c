// expect: clean "b=9\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct pkt {
	int len;
	unsigned char *COUNT(len) buf;
};
static int peek(struct pkt *p, int i)
{
	return p->buf[i]; /*@*/
}
int main(int argc, char **argv)
{
	unsigned char b[3] = {7, 8, 9};
	struct pkt p = { .len = 3, .buf = b };
	(void)argv;
	printf("b=%d\n", peek(&p, 2 + argc - 1));
	return 0;
}
