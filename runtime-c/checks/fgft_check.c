// SPDX-License-Identifier: MIT
/*
 * fgft_check.c - what happens when a bounds check inserted by fgftc fails.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fgft_check.h"

#define FGFT_SEEN_SLOTS 4096	/* distinct failing sites remembered in log mode */

void (*fgft_check_failed_hook)(const struct fgft_check_failure *failure);
unsigned long fgft_check_countdown;
void (*fgft_check_countdown_hook)(const char *file, int line);

void fgft_check_countdown_expired(const char *file, int line)
{
	if (fgft_check_countdown_hook)
		fgft_check_countdown_hook(file, line);
}

static int default_mode = FGFT_FAIL_ABORT;
static int mode_from_env = -1;	/* -1: not read yet, -2: not set */
static unsigned long failure_count;

struct seen_site {
	const char *file;
	int line;
	int kind;
};

static struct seen_site seen[FGFT_SEEN_SLOTS];

static const char *const kind_names[] = {
	[FGFT_CHECK_NULL] = "null",
	[FGFT_CHECK_LOWER] = "lower",
	[FGFT_CHECK_UPPER] = "upper",
	[FGFT_CHECK_PTR_ARITH] = "ptr-arith",
	[FGFT_CHECK_NT_READ] = "nt-read",
	[FGFT_CHECK_NT_WRITE] = "nt-write",
	[FGFT_CHECK_UNION_TAG] = "union-tag",
	[FGFT_CHECK_COUNT] = "count",
	[FGFT_CHECK_DEPENDENT_WRITE] = "dependent-write",
	[FGFT_CHECK_CALL] = "call",
	[FGFT_CHECK_ASSIGN] = "assign",
};

const char *fgft_check_kind_name(int kind)
{
	if (kind <= 0 || kind >= (int)(sizeof(kind_names) / sizeof(kind_names[0])) || !kind_names[kind])
		return "unknown";
	return kind_names[kind];
}

void fgft_check_set_default_mode(int mode)
{
	default_mode = mode;
}

static int parse_mode(const char *s)
{
	if (!strcmp(s, "abort"))
		return FGFT_FAIL_ABORT;
	if (!strcmp(s, "log"))
		return FGFT_FAIL_LOG;
	if (!strcmp(s, "recover"))
		return FGFT_FAIL_RECOVER;
	fprintf(stderr, "fgftc: warning: FGFT_CHECK_MODE=%s is not abort, log or recover; ignored\n", s);
	return -2;
}

int fgft_check_mode(void)
{
	if (mode_from_env == -1) {
		const char *env = getenv("FGFT_CHECK_MODE");

		mode_from_env = env ? parse_mode(env) : -2;
	}
	return mode_from_env >= 0 ? mode_from_env : default_mode;
}

unsigned long fgft_check_failures(void)
{
	return failure_count;
}

/* True the first time a site fails; a full table reports everything. */
static int first_failure_at(const char *file, int line, int kind)
{
	uintptr_t h = ((uintptr_t)file >> 3) * 31u + (unsigned)line * 7u + (unsigned)kind;
	unsigned int i;

	for (i = 0; i < FGFT_SEEN_SLOTS; i++) {
		struct seen_site *s = &seen[(h + i) % FGFT_SEEN_SLOTS];

		if (!s->file) {
			*s = (struct seen_site){ .file = file, .line = line, .kind = kind };
			return 1;
		}
		if (s->file == file && s->line == line && s->kind == kind)
			return 0;
	}
	return 1;
}

static void report(const struct fgft_check_failure *f)
{
	fprintf(stderr, "%s:%d: fgftc: %s check failed (value %lld, bound %lld)\n",
		f->file, f->line, fgft_check_kind_name(f->kind), f->value, f->bound);
	fflush(stderr);
}

/*
 * A failure that cannot go on: a null check (the next instruction would
 * dereference NULL). Reported in every mode; in recover mode the hook gets it
 * first (and normally does not return); then abort.
 */
void fgft_check_fail_fatal(int kind, const char *file, int line, long long value, long long bound)
{
	const struct fgft_check_failure f = {
		.kind = kind, .file = file, .line = line, .value = value, .bound = bound,
	};

	failure_count++;
	if (fgft_check_mode() == FGFT_FAIL_RECOVER && fgft_check_failed_hook)
		fgft_check_failed_hook(&f);
	report(&f);
	abort();
}

void fgft_check_fail(int kind, const char *file, int line, long long value, long long bound)
{
	const struct fgft_check_failure f = {
		.kind = kind, .file = file, .line = line, .value = value, .bound = bound,
	};

	failure_count++;
	switch (fgft_check_mode()) {
	case FGFT_FAIL_LOG:
		if (first_failure_at(file, line, kind))
			report(&f);
		return;
	case FGFT_FAIL_RECOVER:
		if (fgft_check_failed_hook) {
			fgft_check_failed_hook(&f);
			return;
		}
		break;
	default:
		break;
	}
	report(&f);
	abort();
}
