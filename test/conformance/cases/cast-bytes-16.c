// expect: runtime-fail upper 9
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void poke(int *COUNT(n) words, int n, int i)
{
	unsigned char *bytes = (unsigned char *)words;
	((unsigned char *)words)[i] = 0xff; /*@*/
	(void)bytes;
	(void)n;
}
int main(int argc, char **argv)
{
	int w[4] = {0};
	(void)argv;
	poke(w, 4, 16 + argc - 1);
	puts("ok");
	return 0;
}
