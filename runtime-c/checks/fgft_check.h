/* SPDX-License-Identifier: MIT */
/*
 * fgft_check.h - the run-time side of fgftc's bounds checks.
 *
 * Checks inserted by fgftc are small static inline functions (emitted into
 * each translation unit's prelude) that call fgft_check_fail() when their
 * condition does not hold.  What happens then depends on the failure mode:
 *
 *   FGFT_FAIL_ABORT    report file, line, kind and values on stderr, abort()
 *   FGFT_FAIL_LOG      report each failing check site once, then continue
 *   FGFT_FAIL_RECOVER  call fgft_check_failed_hook (set by the recovery
 *                      runtime); if it is unset, abort as above
 *
 * A failed null check always stops (after the hook, in recover mode).
 * The mode is compiled in (fgftc --fgftc-bounds-fail=MODE) and can be
 * overridden with the environment variable FGFT_CHECK_MODE=abort|log|recover.
 */
#ifndef FGFT_CHECK_H
#define FGFT_CHECK_H

/* Keep in step with compiler/passes/bounds/checks.ts (CHECK_KIND_CODES). */
enum fgft_check_kind {
	FGFT_CHECK_NULL = 1,
	FGFT_CHECK_LOWER = 2,
	FGFT_CHECK_UPPER = 3,
	FGFT_CHECK_PTR_ARITH = 4,
	FGFT_CHECK_NT_READ = 5,
	FGFT_CHECK_NT_WRITE = 6,
	FGFT_CHECK_UNION_TAG = 7,
	FGFT_CHECK_COUNT = 8,
	FGFT_CHECK_DEPENDENT_WRITE = 9,
	FGFT_CHECK_CALL = 10,
	FGFT_CHECK_ASSIGN = 11,
};

enum fgft_fail_mode {
	FGFT_FAIL_ABORT = 0,
	FGFT_FAIL_LOG = 1,
	FGFT_FAIL_RECOVER = 2,
};

struct fgft_check_failure {
	int kind;		/* enum fgft_check_kind */
	const char *file;	/* original source file of the check */
	int line;
	long long value;	/* the offending value (index, count, ...) */
	long long bound;	/* the bound it was checked against */
};

/* Set by the recovery runtime; called in FGFT_FAIL_RECOVER mode. */
extern void (*fgft_check_failed_hook)(const struct fgft_check_failure *failure);

void fgft_check_fail(int kind, const char *file, int line, long long value, long long bound);
/* For failures execution cannot survive (a null dereference): never returns. */
void fgft_check_fail_fatal(int kind, const char *file, int line, long long value, long long bound)
	__attribute__((noreturn));
void fgft_check_set_default_mode(int mode);

/*
 * SafeDrive's `q N`: while fgft_check_countdown is non-zero every executed
 * check decrements it; the check that brings it to zero calls
 * fgft_check_countdown_hook (krecover turns that into a driver failure).
 */
extern unsigned long fgft_check_countdown;
extern void (*fgft_check_countdown_hook)(const char *file, int line);
void fgft_check_countdown_expired(const char *file, int line);
int fgft_check_mode(void);
const char *fgft_check_kind_name(int kind);
/* Number of failures seen so far (all modes that continue), for tests and reports. */
unsigned long fgft_check_failures(void);

#endif /* FGFT_CHECK_H */
