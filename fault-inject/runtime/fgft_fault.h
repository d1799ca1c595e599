/* SPDX-License-Identifier: MIT */
/*
 * fgft_fault: run-time side of fgftc's one-build fault injection (mutant
 * schemata). Every candidate site of a build is compiled in behind
 * fgft_fault_active(k); this runtime decides which one, if any, is active.
 *
 * Selecting and arming a fault:
 *   FGFT_FAULT=ID            select the site with this ID (from `fgftc faults sites`)
 *   FGFT_FAULT_AFTER=N       arm it at the N-th executed bounds check (the check runtime's
 *                            countdown, as krecover's `q N`); without the check runtime,
 *                            after N driver function entries
 *   FGFT_FAULT_FUNC=name     arm it when `name` is entered
 *   FGFT_FAULT_PERSISTENCE=transient|permanent  permanent (default): the fault stays, as
 *                            compiled in; transient: it is gone after the first recovery
 *                            (krecover), as in a reloaded clean driver image (MINIX 3, Nooks)
 *   FGFT_FAULT_REPORT=path   append one JSON line there when the fault first fires
 *   FGFT_FAULT_LIST=path     append every compiled-in site ID there (one a line) at start-up
 *   FGFT_FORKSERVER=IN,OUT   campaign fork server (see fgft_fault.c): the process forks one child
 *                            per request read from fd IN, before main, and reports on fd OUT
 * Without a trigger the selected fault is armed from the start. The same
 * commands are accepted at run time through fgft_fault_control(), which the
 * recovery runtime's control interface forwards to:
 *   "s ID"  select a site     "a"  arm now (on demand)     "d"  disarm
 *   "n N"   arm after N events     "e FUNC"  arm on entering FUNC
 *   "m transient" / "m permanent"  persistence across recovery
 */
#ifndef FGFT_FAULT_H
#define FGFT_FAULT_H

/* One translation unit's sites; ids[k] is site k's ID (ids[0] is unused). */
struct fgft_fault_unit {
	const char *const *ids;
	int n;
	int active;		/* index of the selected site in this unit, 0 if none */
	unsigned int generation;	/* fgft_fault_generation when active was computed */
	struct fgft_fault_unit *next;	/* registered units, for FGFT_FAULT_LIST */
};

extern volatile int fgft_fault_armed;
extern unsigned int fgft_fault_generation;

int fgft_fault_resolve(struct fgft_fault_unit *unit);
void fgft_fault_register(struct fgft_fault_unit *unit);
void fgft_fault_hit(void);
void fgft_fault_enter(const char *func);
void fgft_fault_note_check(void);
int fgft_fault_control(const char *cmd);
unsigned long fgft_fault_hits(void);
const char *fgft_fault_selected(void);

#endif /* FGFT_FAULT_H */
