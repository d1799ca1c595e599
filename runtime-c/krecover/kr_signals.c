// SPDX-License-Identifier: MIT
/*
 * kr_signals.c - processor faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL) become
 * driver failures only when they happen inside the driver; anywhere else the
 * previous disposition runs, so a bug in the harness still crashes it.
 * Handlers run on an alternate stack so that a stack overflow in the driver
 * is recoverable too.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kr_internal.h"

#define KR_ALTSTACK_SIZE (64 * 1024)

struct kr_fault_signal {
	int signo;
	enum kr_cause cause;
	struct sigaction previous;
};

static struct kr_fault_signal kr_fault_signals[] = {
	{ .signo = SIGSEGV, .cause = KR_CAUSE_SIGSEGV },
	{ .signo = SIGBUS, .cause = KR_CAUSE_SIGBUS },
	{ .signo = SIGFPE, .cause = KR_CAUSE_SIGFPE },
	{ .signo = SIGILL, .cause = KR_CAUSE_SIGILL },
};

#define KR_NSIGNALS (sizeof(kr_fault_signals) / sizeof(kr_fault_signals[0]))

static int kr_signals_installed;
/* Kept so the alternate stack stays reachable (and leak checkers agree). */
static _Thread_local void *kr_altstack;

static struct kr_fault_signal *kr_signal_entry(int signo)
{
	size_t i;

	for (i = 0; i < KR_NSIGNALS; i++)
		if (kr_fault_signals[i].signo == signo)
			return &kr_fault_signals[i];
	return NULL;
}

/* Outside the driver: put the old disposition back and let the fault happen again. */
static void kr_chain(struct kr_fault_signal *s, int signo, siginfo_t *info, void *uctx)
{
	if (s->previous.sa_flags & SA_SIGINFO) {
		s->previous.sa_sigaction(signo, info, uctx);
		return;
	}
	if (s->previous.sa_handler != SIG_DFL && s->previous.sa_handler != SIG_IGN) {
		s->previous.sa_handler(signo);
		return;
	}
	sigaction(signo, &s->previous, NULL);
}

static void kr_on_fault_signal(int signo, siginfo_t *info, void *uctx)
{
	struct kr_fault_signal *s = kr_signal_entry(signo);

	if (!s)
		return;
	if (kr_thread.depth > 0 && !kr_thread.failing && kr_settings.recovery)
		kr_unwind(s->cause); /* SA_NODEFER: the signal is not left blocked */
	if (kr_thread.guard && kr_thread.depth == 0)
		siglongjmp(*kr_thread.guard, signo); /* compensation tripped over what the driver broke */
	kr_chain(s, signo, info, uctx);
}

/* Each thread that enters the driver needs its own alternate stack. */
static int kr_altstack_setup(void)
{
	stack_t st;

	if (kr_altstack)
		return 0;
	st.ss_sp = malloc(KR_ALTSTACK_SIZE);
	if (!st.ss_sp)
		return -1;
	st.ss_size = KR_ALTSTACK_SIZE;
	st.ss_flags = 0;
	if (sigaltstack(&st, NULL)) {
		free(st.ss_sp);
		return -1;
	}
	kr_altstack = st.ss_sp;
	return 0;
}

int kr_signals_install(void)
{
	struct sigaction sa;
	size_t i;

	kr_altstack_setup();
	if (kr_signals_installed)
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = kr_on_fault_signal;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < KR_NSIGNALS; i++) {
		if (sigaction(kr_fault_signals[i].signo, &sa, &kr_fault_signals[i].previous))
			goto err_restore;
	}
	kr_signals_installed = 1;
	return 0;

err_restore:
	while (i-- > 0)
		sigaction(kr_fault_signals[i].signo, &kr_fault_signals[i].previous, NULL);
	return -1;
}

void kr_signals_remove(void)
{
	size_t i;

	if (!kr_signals_installed)
		return;
	for (i = 0; i < KR_NSIGNALS; i++)
		sigaction(kr_fault_signals[i].signo, &kr_fault_signals[i].previous, NULL);
	kr_signals_installed = 0;
}
