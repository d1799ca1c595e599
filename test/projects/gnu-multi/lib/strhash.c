// djb2 string hash, with a GNU case range.
#include "compiler.h"
#include "gnuutil.h"

static inline unsigned int fold_case(unsigned char c)
{
	switch (c) {
	case 'A' ... 'Z':
		c += 'a' - 'A';
		__attribute__((fallthrough));
	default:
		return c;
	}
}

unsigned long str_hash(const char *s)
{
	unsigned long h = 5381;

	while (*s)
		h = h * 33 + fold_case((unsigned char)*s++);
	return h;
}
