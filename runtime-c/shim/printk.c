/* printk and the dev_/netdev_ loggers: prefixed with simulated time; quiet mode keeps only warnings and worse. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/netdevice.h>
#include "internal.h"

int fgft_log_is_quiet(void);
int fgft_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

static int level_of(const char **fmt)
{
	const char *f = *fmt;
	int level = 4; /* default message loglevel */

	while (f[0] == KERN_SOH[0] && f[1]) {
		if (f[1] >= '0' && f[1] <= '7')
			level = f[1] - '0';
		f += 2;
	}
	*fmt = f;
	return level;
}

static int vlog(const char *prefix, const char *fmt, va_list ap)
{
	int level = level_of(&fmt);
	char buf[512];
	int n;

	n = fgft_vsnprintf(buf, sizeof(buf), fmt, ap);
	if (fgft_log_is_quiet() && level > 4)
		return n;
	fprintf(stderr, "[%10.6f] %s%s", (double)fgft_now_ns() / 1e9, prefix, buf);
	if (n > 0 && buf[strlen(buf) - 1] != '\n')
		fputc('\n', stderr);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vlog("", fmt, ap);
	va_end(ap);
	return n;
}

static int vprefixed(const char *level, const char *prefix, const char *fmt, va_list ap)
{
	char lfmt[512];

	snprintf(lfmt, sizeof(lfmt), "%s%s", level, fmt);
	return vlog(prefix, lfmt, ap);
}

int fgft_dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	char prefix[64];
	va_list ap;
	int n;

	snprintf(prefix, sizeof(prefix), "%s: ", dev ? dev_name(dev) : "(NULL device)");
	va_start(ap, fmt);
	n = vprefixed(level, prefix, fmt, ap);
	va_end(ap);
	return n;
}

int fgft_netdev_printk(const char *level, const struct net_device *dev, const char *fmt, ...)
{
	char prefix[64];
	va_list ap;
	int n;

	snprintf(prefix, sizeof(prefix), "%s: ", dev ? netdev_name(dev) : "(NULL net_device)");
	va_start(ap, fmt);
	n = vprefixed(level, prefix, fmt, ap);
	va_end(ap);
	return n;
}
