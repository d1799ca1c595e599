// SPDX-License-Identifier: MIT
/*
 * kr_inject.c - real failures on demand, for testing recovery per cause on a
 * real driver: the control command `i CAUSE FUNCTION OFFSET` makes the probe
 * at the top of FUNCTION fail in that way.  Each action produces the genuine
 * event (a NULL write, a division by zero, an endless loop, a kernel-API
 * misuse through the shim, a failed check), so the detection path under test
 * is the one a buggy driver would take.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <signal.h>
#include <string.h>
#include "../checks/fgft_check.h"
#include "kr_internal.h"

void (*kr_misuse_injector)(enum kr_inject what);
void (*kr_stall_injector)(void);

static const char *const kr_inject_names[KR_INJECT_COUNT] = {
	[KR_INJECT_FAIL] = "fail",
	[KR_INJECT_SEGV] = "segv",
	[KR_INJECT_BUS] = "bus",
	[KR_INJECT_FPE] = "fpe",
	[KR_INJECT_ILL] = "ill",
	[KR_INJECT_HANG] = "hang",
	[KR_INJECT_CHECK] = "check",
	[KR_INJECT_MISUSE] = "misuse",
	[KR_INJECT_STALL] = "stall",
	[KR_INJECT_DOUBLEFREE] = "doublefree",
	[KR_INJECT_SLEEP] = "sleep",
	[KR_INJECT_UNLOCK] = "unlock",
};

/* Kept in memory the compiler cannot see through, so no fault is optimised away. */
static int *volatile kr_null;
static volatile int kr_zero;
static volatile int kr_ten = 10;
static volatile unsigned long kr_spin;

int kr_inject_parse(const char *name)
{
	int i;

	for (i = 0; i < KR_INJECT_COUNT; i++)
		if (strcmp(name, kr_inject_names[i]) == 0)
			return i;
	return -1;
}

const char *kr_inject_name(enum kr_inject what)
{
	return (unsigned int)what < KR_INJECT_COUNT ? kr_inject_names[what] : "unknown";
}

void kr_inject(enum kr_inject what, const char *function)
{
	switch (what) {
	case KR_INJECT_FAIL:
		kr_fault(KR_CAUSE_PROBE, function);
		break;
	case KR_INJECT_SEGV:
		*kr_null = 1;
		break;
	case KR_INJECT_BUS:
		/* A bus error needs a mapping past the end of a file; the signal itself is what matters here. */
		raise(SIGBUS);
		break;
	case KR_INJECT_FPE:
		/* Both operands volatile: gcc turns 1u / x into x == 1, which never traps. */
		kr_spin = (unsigned long)(kr_ten / kr_zero);
		break;
	case KR_INJECT_ILL:
		__builtin_trap();
		break;
	case KR_INJECT_HANG:
		for (;;)
			kr_spin++;
		break;
	case KR_INJECT_CHECK:
		fgft_check_fail(FGFT_CHECK_UPPER, function, 0, 1, 0);
		break;
	case KR_INJECT_MISUSE:
	case KR_INJECT_DOUBLEFREE:
	case KR_INJECT_SLEEP:
	case KR_INJECT_UNLOCK:
		if (kr_misuse_injector)
			kr_misuse_injector(what);
		break;
	case KR_INJECT_STALL:
		if (kr_stall_injector)
			kr_stall_injector();
		break;
	case KR_INJECT_COUNT:
		break;
	}
}
