/* printk's formatter: C conversions via snprintf, plus the kernel's pointer extensions drivers use
 * (%pM/%pm MAC addresses, %pI4 IPv4 addresses, %pe error codes); other %p<letters> print the pointer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

int fgft_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->len < o->size) {
		size_t room = o->size - o->len - 1, k = n < room ? n : room;

		memcpy(o->buf + o->len, s, k);
		o->buf[o->len + k] = '\0';
	}
	o->len += n;
}

static const char *pointer_ext(struct out *o, const char *f, const void *p)
{
	char tmp[64];
	const unsigned char *a = p;
	int n;

	if ((*f == 'M' || *f == 'm') && p) {
		const char *sep = *f == 'M' ? ":" : "";

		n = snprintf(tmp, sizeof(tmp), "%02x%s%02x%s%02x%s%02x%s%02x%s%02x", a[0], sep, a[1], sep, a[2], sep,
			     a[3], sep, a[4], sep, a[5]);
		put(o, tmp, (size_t)n);
		f++;
		if (*f == 'R' || *f == 'F')
			f++;
		return f;
	}
	if ((*f == 'I' || *f == 'i') && f[1] == '4' && p) {
		n = snprintf(tmp, sizeof(tmp), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		put(o, tmp, (size_t)n);
		return f + 2;
	}
	if (*f == 'e') {
		n = snprintf(tmp, sizeof(tmp), "%ld", (long)(intptr_t)p);
		put(o, tmp, (size_t)n);
		return f + 1;
	}
	n = snprintf(tmp, sizeof(tmp), "%p", p);
	put(o, tmp, (size_t)n);
	while ((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z') || (*f >= '0' && *f <= '9'))
		f++;
	return f;
}

int fgft_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	const char *f = fmt;

	if (size)
		buf[0] = '\0';
	while (*f) {
		char spec[32], tmp[512], len_mod[3] = "";
		size_t sl = 0;
		int n = 0;

		if (*f != '%') {
			const char *next = strchr(f, '%');
			size_t k = next ? (size_t)(next - f) : strlen(f);

			put(&o, f, k);
			f += k;
			continue;
		}
		spec[sl++] = *f++;
		if (*f == '%') {
			put(&o, "%", 1);
			f++;
			continue;
		}
		while (*f && strchr("-+ #0", *f) && sl < 8)
			spec[sl++] = *f++;
		if (*f == '*') {
			sl += (size_t)snprintf(spec + sl, sizeof(spec) - sl, "%d", va_arg(ap, int));
			f++;
		}
		while (*f >= '0' && *f <= '9' && sl < 16)
			spec[sl++] = *f++;
		if (*f == '.') {
			spec[sl++] = *f++;
			if (*f == '*') {
				sl += (size_t)snprintf(spec + sl, sizeof(spec) - sl, "%d", va_arg(ap, int));
				f++;
			}
			while (*f >= '0' && *f <= '9' && sl < 24)
				spec[sl++] = *f++;
		}
		if (*f == 'h' || *f == 'l' || *f == 'z' || *f == 't' || *f == 'j' || *f == 'L') {
			len_mod[0] = *f++;
			if ((*f == 'h' || *f == 'l') && *f == len_mod[0])
				len_mod[1] = *f++;
		}
		memcpy(spec + sl, len_mod, strlen(len_mod));
		sl += strlen(len_mod);
		spec[sl++] = *f;
		spec[sl] = '\0';
		switch (*f) {
		case 'd':
		case 'i':
			if (len_mod[0] == 'l' && len_mod[1] == 'l')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, long long));
			else if (len_mod[0] == 'l')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, long));
			else if (len_mod[0] == 'z')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, ssize_t));
			else if (len_mod[0] == 't')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, ptrdiff_t));
			else if (len_mod[0] == 'j')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, intmax_t));
			else
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, int));
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (len_mod[0] == 'l' && len_mod[1] == 'l')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, unsigned long long));
			else if (len_mod[0] == 'l')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, unsigned long));
			else if (len_mod[0] == 'z')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, size_t));
			else if (len_mod[0] == 't')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, ptrdiff_t));
			else if (len_mod[0] == 'j')
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, uintmax_t));
			else
				n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, unsigned int));
			break;
		case 'c':
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			n = snprintf(tmp, sizeof(tmp), spec, s ? s : "(null)");
			break;
		}
		case 'f':
		case 'e':
		case 'g':
		case 'E':
		case 'G':
			n = snprintf(tmp, sizeof(tmp), spec, va_arg(ap, double));
			break;
		case 'p':
			f = pointer_ext(&o, f + 1, va_arg(ap, const void *));
			continue;
		case '\0':
			put(&o, spec, sl - 1);
			return (int)o.len;
		default:
			n = snprintf(tmp, sizeof(tmp), "%s", spec); /* unknown conversion: print it literally */
			break;
		}
		if (n > 0)
			put(&o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
		f++;
	}
	return (int)o.len;
}
