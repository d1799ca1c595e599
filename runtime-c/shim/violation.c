/* Kernel-API misuse: one entry point, a replaceable handler (krecover hooks it), per-kind counters. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include "internal.h"

/* The machine halts like a crashed kernel: SIGABRT, but no core file left in the user's directory. */
static void halt(void) __attribute__((noreturn));
static void halt(void)
{
	struct rlimit none = { 0, 0 };

	fflush(stdout);
	setrlimit(RLIMIT_CORE, &none);
	abort();
}

static const char *const violation_names[FGFT_V_KIND_COUNT] = {
	[FGFT_V_DOUBLE_FREE] = "double-free",
	[FGFT_V_FOREIGN_FREE] = "foreign-free",
	[FGFT_V_UNLOCK_UNLOCKED] = "unlock-unlocked",
	[FGFT_V_RECURSIVE_LOCK] = "recursive-lock",
	[FGFT_V_SLEEP_IN_ATOMIC] = "sleep-in-atomic",
	[FGFT_V_BAD_ARGUMENT] = "bad-argument",
	[FGFT_V_BUG] = "bug",
};

static unsigned long violation_counts[FGFT_V_KIND_COUNT];

fgft_violation_handler_t fgft_violation_handler = fgft_default_violation_handler;

const char *fgft_violation_name(enum fgft_violation kind)
{
	return kind < FGFT_V_KIND_COUNT ? violation_names[kind] : "unknown";
}

unsigned long fgft_violation_count(enum fgft_violation kind)
{
	return kind < FGFT_V_KIND_COUNT ? violation_counts[kind] : 0;
}

void fgft_violation_reset(void)
{
	unsigned int i;

	for (i = 0; i < FGFT_V_KIND_COUNT; i++)
		violation_counts[i] = 0;
	fgft_violation_handler = fgft_default_violation_handler;
}

void fgft_default_violation_handler(enum fgft_violation kind, struct fgft_owner *owner, const char *msg)
{
	fflush(stdout);
	fprintf(stderr, "fgft: kernel API violation (%s) by %s: %s\n", fgft_violation_name(kind),
		owner ? owner->name : "kernel", msg);
	fprintf(stderr, "fgft: machine halted (this is a kernel crash)\n");
	halt();
}

void fgft_api_violation(enum fgft_violation kind, const char *fmt, ...)
{
	struct fgft_owner *owner = fgft_current_owner();
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (kind < FGFT_V_KIND_COUNT)
		violation_counts[kind]++;
	if (owner)
		owner->violations++;
	fgft_violation_handler(kind, owner, msg);
}

void fgft_bug(const char *file, int line)
{
	fgft_api_violation(FGFT_V_BUG, "BUG at %s:%d", file, line);
	/* A BUG never returns, even when a handler does. */
	fprintf(stderr, "fgft: BUG at %s:%d: machine halted\n", file, line);
	halt();
}

int fgft_warn(int cond, const char *file, int line)
{
	if (cond)
		fgft_log("WARNING: at %s:%d\n", file, line);
	return cond;
}
