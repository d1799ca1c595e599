// expect: unchanged "15\n"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
	int m[3][3] = { {1,2,3}, {4,5,6}, {7,8,9} };
	int t = 0;
	for (int i = 0; i < 3; i++)
		t += m[i][i];
	printf("%d\n", t);
	return 0;
}
