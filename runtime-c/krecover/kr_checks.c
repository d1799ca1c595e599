// SPDX-License-Identifier: MIT
/*
 * kr_checks.c - failed bounds checks (runtime-c/checks, mode recover) are
 * driver failures.  Outside the driver, or with recovery off, a failed check
 * stops the program as it would without krecover.
 */
#include <stdio.h>
#include <stdlib.h>
#include "../checks/fgft_check.h"
#include "kr_internal.h"

static void kr_on_check_failure(const struct fgft_check_failure *f)
{
	char detail[256];

	snprintf(detail, sizeof(detail), "%s:%d: %s check failed (value %lld, bound %lld)", f->file, f->line,
		 fgft_check_kind_name(f->kind), f->value, f->bound);
	if (kr_fault(KR_CAUSE_CHECK, detail))
		return; /* not reached: kr_fault jumped back to the stub */
	fprintf(stderr, "krecover: unrecovered check failure: %s\n", detail);
	abort();
}

/* SafeDrive's `q N`: the check that uses up the quota is a driver failure. */
static void kr_on_check_quota(const char *file, int line)
{
	char detail[256];

	snprintf(detail, sizeof(detail), "%s:%d: check quota used up", file, line);
	kr_fault(KR_CAUSE_QUOTA, detail); /* outside the driver or with recovery off: nothing to do */
}

void kr_checks_set_quota(unsigned long n)
{
	fgft_check_countdown_hook = kr_on_check_quota;
	fgft_check_countdown = n;
}

unsigned long kr_checks_quota_remaining(void)
{
	return fgft_check_countdown;
}

/* Called when recovery is turned on; a reference from kr_policy.c, so a static link always pulls this in. */
void kr_checks_attach(void)
{
	fgft_check_failed_hook = kr_on_check_failure;
}
