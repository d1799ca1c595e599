/* Small kernel library functions: strings, numbers, randomness, user copies, capabilities. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/uaccess.h>
#include <linux/capability.h>
#include "internal.h"

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return (ssize_t)len;
}

void *memset32(u32 *s, u32 v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

static int parse_long(const char *s, unsigned int base, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -EINVAL;
	errno = 0;
	v = strtol(s, &end, (int)base);
	if (errno)
		return -ERANGE;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*out = v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long v;
	int err = parse_long(s, base, &v);

	if (err)
		return err;
	if (v < INT_MIN || v > INT_MAX)
		return -ERANGE;
	*res = (int)v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	long v;
	int err = parse_long(s, base, &v);

	if (err)
		return err;
	if (v < 0 || v > (long)UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}

u32 get_random_u32(void)
{
	return (u32)fgft_rand64();
}

void get_random_bytes(void *buf, size_t nbytes)
{
	u8 *p = buf;
	size_t i;

	for (i = 0; i < nbytes; i++)
		p[i] = (u8)fgft_rand64();
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!from || !to)
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!from || !to)
		return n;
	memcpy(to, from, n);
	return 0;
}

int capable(int cap)
{
	(void)cap;
	return 1;
}
