// SPDX-License-Identifier: MIT
/*
 * kr_domain.c - entering and leaving the driver's recovery domain.
 *
 * Each thread keeps a stack of the stubs it is running.  A failure always
 * jumps back to the outermost one: the whole driver is one domain, so a
 * driver that called its own entry point, or an interrupt handler that ran
 * inside a driver call, is abandoned as a whole.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include "kr_internal.h"

_Thread_local struct kr_thread kr_thread;

static const char *const kr_cause_names[KR_CAUSE_COUNT] = {
	[KR_CAUSE_CHECK] = "check",
	[KR_CAUSE_SIGSEGV] = "sigsegv",
	[KR_CAUSE_SIGBUS] = "sigbus",
	[KR_CAUSE_SIGFPE] = "sigfpe",
	[KR_CAUSE_SIGILL] = "sigill",
	[KR_CAUSE_HANG] = "hang",
	[KR_CAUSE_API_MISUSE] = "api-misuse",
	[KR_CAUSE_TRIGGER] = "trigger",
	[KR_CAUSE_QUOTA] = "quota",
	[KR_CAUSE_PROBE] = "probe",
};

const char *kr_cause_name(enum kr_cause cause)
{
	if ((unsigned int)cause >= KR_CAUSE_COUNT)
		return "unknown";
	return kr_cause_names[cause];
}

/* The stubs pass our sigjmp_buf to glibc's __sigsetjmp as struct __jmp_buf_tag *. */
_Static_assert(sizeof(sigjmp_buf) == sizeof(struct __jmp_buf_tag[1]), "sigjmp_buf is glibc's");

struct __jmp_buf_tag *kr_enter_driver(const char *entry)
{
	struct kr_thread *t = &kr_thread;
	struct kr_frame *f;

	if (kr_state != KR_DRIVER_LOADED && t->depth == 0) {
		kr_stats_data.refused_calls++;
		return NULL;
	}
	if (t->depth == KR_MAX_DEPTH) {
		/* Runaway recursion through entry points: refuse rather than overflow. */
		kr_stats_data.refused_calls++;
		return NULL;
	}
	if (t->depth == 0)
		t->entries++;
	f = &t->frames[t->depth++];
	f->entry = entry;
	return f->env;
}

void kr_exit_driver(void)
{
	if (kr_thread.depth > 0)
		kr_thread.depth--;
}

int kr_in_driver(void)
{
	return kr_thread.depth;
}

/* Jump back to the outermost stub of this thread. */
_Noreturn void kr_unwind(enum kr_cause cause)
{
	struct kr_thread *t = &kr_thread;

	t->failing = 1;
	t->cause = cause;
	kr_stats_data.failures[cause]++;
	kr_stats_data.last_failure_time_ns = kr_time_ns();
	siglongjmp(t->frames[0].env, (int)cause + 1);
}

int kr_fault(enum kr_cause cause, const char *detail)
{
	struct kr_thread *t = &kr_thread;

	if (t->depth == 0 || t->failing || !kr_settings.recovery) {
		fprintf(stderr, "krecover: %s failure%s%s ignored (%s)\n", kr_cause_name(cause),
			detail ? ": " : "", detail ? detail : "",
			t->depth == 0 ? "not in the driver" : t->failing ? "already recovering" : "recovery off");
		return 0;
	}
	fprintf(stderr, "krecover: driver failed in %s: %s%s%s\n", t->frames[t->depth - 1].entry,
		kr_cause_name(cause), detail ? ": " : "", detail ? detail : "");
	kr_unwind(cause);
}

void kr_trigger_fault(void)
{
	kr_fault(KR_CAUSE_TRIGGER, "kr_trigger_fault()");
}

/* Called by the outermost stub after a failure jumped back to it. */
void kr_driver_failed(void)
{
	struct kr_thread *t = &kr_thread;

	t->depth = 0;
	kr_recover(t->cause);
	t->failing = 0;
}

const void *kr_kept_object;

/* The object stays kept until the release (kr_policy.c) has run. */
void kr_driver_failed_keep(const void *object)
{
	kr_kept_object = object;
	kr_driver_failed();
}

unsigned long long kr_wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

unsigned long long kr_time_ns(void)
{
	if (kr_ops && kr_ops->now_ns)
		return kr_ops->now_ns();
	return kr_wall_ns();
}
