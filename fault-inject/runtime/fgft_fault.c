// SPDX-License-Identifier: MIT
/*
 * fgft_fault: selector state and run-time triggers for one-build fault
 * injection. See fgft_fault.h for the environment and control commands.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fgft_fault.h"

#define FGFT_FAULT_ID_MAX 512
#define FGFT_FORKSERVER_LINE 8192

volatile int fgft_fault_armed;
unsigned int fgft_fault_generation = 1;

static char selected_id[FGFT_FAULT_ID_MAX];
static unsigned long checks_seen;
static unsigned long arm_after_checks;	/* 0: no check trigger */
static char arm_on_func[FGFT_FAULT_ID_MAX];	/* "": no function trigger */
static unsigned long hits;
static int report_fd = -1;
static struct fgft_fault_unit *units;

/*
 * Persistence. A compile-time fault is permanent: a restarted driver runs the
 * same faulty code. Restart-based systems (MINIX 3, Nooks) reload a fresh
 * driver image, so the fault injected into the running image is gone after
 * recovery: a transient fault models that. It is spent at the first driver
 * entry after the recovery runtime has counted a recovery (krecover's
 * kr_recoveries(), weak: without krecover nothing recovers).
 */
unsigned long kr_recoveries(void) __attribute__((weak));
static int transient;
static int spent;
static unsigned long recoveries_at_select;

static unsigned long recoveries_now(void)
{
	return kr_recoveries ? kr_recoveries() : 0;
}

static void set_armed(int armed)
{
	fgft_fault_armed = armed && !spent;
}

static int have_trigger(void)
{
	return arm_after_checks != 0 || arm_on_func[0] != '\0';
}

static void select_site(const char *id)
{
	snprintf(selected_id, sizeof(selected_id), "%s", id);
	fgft_fault_generation++;
	spent = 0;
	recoveries_at_select = recoveries_now();
	set_armed(selected_id[0] != '\0' && !have_trigger());
}

int fgft_fault_resolve(struct fgft_fault_unit *unit)
{
	int k;

	unit->active = 0;
	for (k = 1; k <= unit->n && selected_id[0] != '\0'; k++) {
		if (strcmp(unit->ids[k], selected_id) == 0) {
			unit->active = k;
			break;
		}
	}
	unit->generation = fgft_fault_generation;
	return unit->active;
}

/* Called from each instrumented unit's constructor. */
void fgft_fault_register(struct fgft_fault_unit *unit)
{
	const char *list = getenv("FGFT_FAULT_LIST");
	FILE *f;
	int k;

	unit->next = units;
	units = unit;
	if (!list || list[0] == '\0')
		return;
	f = fopen(list, "a");
	if (!f)
		return;
	for (k = 1; k <= unit->n; k++)
		fprintf(f, "%s\n", unit->ids[k]);
	fclose(f);
}

static void report_first_hit(void)
{
	char line[FGFT_FAULT_ID_MAX + 64];
	int len;

	if (report_fd < 0)
		return;
	len = snprintf(line, sizeof(line), "{\"fault\":\"%s\",\"activated\":true}\n", selected_id);
	if (len > 0 && write(report_fd, line, (size_t)len) < 0)
		report_fd = -1;
}

void fgft_fault_hit(void)
{
	if (hits++ == 0)
		report_first_hit();
}

unsigned long fgft_fault_hits(void)
{
	return hits;
}

const char *fgft_fault_selected(void)
{
	return selected_id;
}

/*
 * `n N` / FGFT_FAULT_AFTER=N arms the fault at the N-th executed bounds check,
 * counted by the check runtime (runtime-c/checks: fgft_check_countdown, the
 * same counter krecover's `q N` uses). Weak: a program without the check
 * runtime counts driver function entries instead.
 */
extern unsigned long fgft_check_countdown __attribute__((weak));
extern void (*fgft_check_countdown_hook)(const char *file, int line) __attribute__((weak));
static int counting_checks;

/* The N events are done: arm the fault (unless it still waits for a function). */
static void arm_after_reached(void)
{
	arm_after_checks = 0;
	counting_checks = 0;
	set_armed(selected_id[0] != '\0' && arm_on_func[0] == '\0');
}

static void after_checks_reached(const char *file, int line)
{
	(void)file;
	(void)line;
	arm_after_reached();
}

/* Every instrumented driver function calls this on entry. */
void fgft_fault_enter(const char *func)
{
	if (transient && !spent && selected_id[0] != '\0' && recoveries_now() != recoveries_at_select) {
		spent = 1;
		fgft_fault_armed = 0;
	}
	if (arm_after_checks != 0 && !counting_checks)
		fgft_fault_note_check();
	if (arm_on_func[0] == '\0' || strcmp(func, arm_on_func) != 0)
		return;
	arm_on_func[0] = '\0';
	set_armed(selected_id[0] != '\0' && arm_after_checks == 0);
}

void fgft_fault_note_check(void)
{
	if (arm_after_checks == 0 || ++checks_seen < arm_after_checks)
		return;
	arm_after_reached();
}

static void set_after(unsigned long n)
{
	checks_seen = 0;
	arm_after_checks = n;
	counting_checks = n != 0 && &fgft_check_countdown != NULL && &fgft_check_countdown_hook != NULL;
	if (counting_checks) {
		fgft_check_countdown_hook = after_checks_reached;
		fgft_check_countdown = n;
	}
	set_armed(selected_id[0] != '\0' && !have_trigger());
}

static void set_func(const char *func)
{
	snprintf(arm_on_func, sizeof(arm_on_func), "%s", func);
	set_armed(selected_id[0] != '\0' && !have_trigger());
}

static int set_persistence(const char *name)
{
	if (strcmp(name, "transient") == 0)
		transient = 1;
	else if (strcmp(name, "permanent") == 0)
		transient = 0;
	else
		return -1;
	return 0;
}

/* One control command; returns 0 if understood, -1 otherwise. */
int fgft_fault_control(const char *cmd)
{
	const char *arg;

	if (cmd[0] == '\0' || (cmd[1] != ' ' && cmd[1] != '\0'))
		return -1;
	arg = cmd[1] == ' ' ? cmd + 2 : "";
	switch (cmd[0]) {
	case 's':
		select_site(arg);
		return 0;
	case 'a':
		arm_after_checks = 0;
		arm_on_func[0] = '\0';
		spent = 0;
		recoveries_at_select = recoveries_now();
		set_armed(selected_id[0] != '\0');
		return 0;
	case 'd':
		fgft_fault_armed = 0;
		return 0;
	case 'n':
		set_after(strtoul(arg, NULL, 10));
		return 0;
	case 'e':
		set_func(arg);
		return 0;
	case 'm':
		return set_persistence(arg);
	default:
		return -1;
	}
}

static int redirect(int fd, const char *path)
{
	int f;

	if (path[0] == '\0')
		return 0;
	f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (f < 0)
		return -1;
	if (dup2(f, fd) < 0) {
		close(f);
		return -1;
	}
	close(f);
	return 0;
}

/* Split "a\tb\tc\td\n" in place into four fields; returns 0 if there are four. */
static int split_request(char *line, char *field[4])
{
	int i;

	line[strcspn(line, "\n")] = '\0';
	for (i = 0; i < 4; i++) {
		field[i] = line;
		line += strcspn(line, "\t");
		if (i < 3) {
			if (*line != '\t')
				return -1;
			*line++ = '\0';
		}
	}
	return 0;
}

/*
 * The campaign fork server (as AFL's): instead of one exec per trial, the
 * harness is started once and forks here, before main, once per request
 * "SITE<TAB>STDOUT<TAB>STDERR<TAB>REPORT". The child selects SITE, sends its
 * output to the files and returns to run main; the server answers "PID" at
 * once and "PID WAITSTATUS" when the child has ended. The child leads its own
 * process group, so a timeout can kill everything it started.
 */
static void fork_server(int in, int out)
{
	char line[FGFT_FORKSERVER_LINE];
	char *field[4];
	FILE *requests = fdopen(in, "r");
	pid_t pid;
	int status;

	if (!requests)
		_exit(111);
	dprintf(out, "fgft-forkserver 1\n");
	while (fgets(line, sizeof(line), requests)) {
		if (split_request(line, field) != 0)
			_exit(112);
		pid = fork();
		if (pid < 0)
			_exit(113);
		if (pid == 0) {
			fclose(requests);
			close(out);
			setpgid(0, 0);
			unsetenv("FGFT_FORKSERVER");
			if (redirect(1, field[1]) != 0 || redirect(2, field[2]) != 0)
				_exit(114);
			if (field[3][0] != '\0')
				report_fd = open(field[3], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
			select_site(field[0]);
			return;
		}
		setpgid(pid, pid);
		dprintf(out, "%d\n", (int)pid);
		if (waitpid(pid, &status, 0) < 0)
			status = 0x7f00;
		dprintf(out, "%d %d\n", (int)pid, status);
	}
	_exit(0);
}

/* First of all constructors (101 is the first non-reserved priority), so the fork server forks before
 * other runtimes start threads in theirs (krecover starts its watchdog thread from KRECOVER=...). */
__attribute__((constructor(101))) static void fgft_fault_init(void)
{
	const char *id = getenv("FGFT_FAULT");
	const char *after = getenv("FGFT_FAULT_AFTER");
	const char *func = getenv("FGFT_FAULT_FUNC");
	const char *report = getenv("FGFT_FAULT_REPORT");
	const char *server = getenv("FGFT_FORKSERVER");
	const char *persistence = getenv("FGFT_FAULT_PERSISTENCE");
	int in, out;

	if (report && report[0] != '\0')
		report_fd = open(report, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (after && after[0] != '\0')
		set_after(strtoul(after, NULL, 10));
	if (func && func[0] != '\0')
		snprintf(arm_on_func, sizeof(arm_on_func), "%s", func);
	if (persistence && persistence[0] != '\0' && set_persistence(persistence) != 0)
		fprintf(stderr, "fgft_fault: FGFT_FAULT_PERSISTENCE='%s': expected transient or permanent\n", persistence);
	select_site(id ? id : "");
	if (server && sscanf(server, "%d,%d", &in, &out) == 2)
		fork_server(in, out);
}
