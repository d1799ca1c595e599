// expect: clean "6\nrecovered from upper at line 16\nback in main\n"
#include "fgft.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fgft_check.h"
#include <setjmp.h>
static jmp_buf again;
static void on_failure(const struct fgft_check_failure *f)
{
	printf("recovered from %s at line %d\n", fgft_check_kind_name(f->kind), f->line);
	longjmp(again, 1);
}
static int get(const int *COUNT(n) a, int n, int i)
{
	return a[i]; /*@*/
}
int main(void)
{
	int a[2] = {5, 6};
	fgft_check_failed_hook = on_failure;
	if (setjmp(again)) {
		puts("back in main");
		return 0;
	}
	printf("%d\n", get(a, 2, 1));
	printf("%d\n", get(a, 2, 2));
	return 1;
}
// fail-mode: recover
