// SPDX-License-Identifier: MIT
/*
 * kr_control.c - SafeDrive's /proc/krecover as text commands and a text
 * report, reachable three ways: the C API (kr_control_write/read), a file
 * the harness watches (kr_control_watch_file, polled by kr_poll) and the
 * environment (KRECOVER="r 1; p restart", KRECOVER_FILE=path) read at start.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "kr_internal.h"

/* Not from <errno.h>: under runtime-c/include it resolves to the shim's linux/errno.h. */
#define KR_EINVAL 22
#define KR_NAME_MAX 128
#define KR_LINE_MAX 256

int kr_probes_armed;

/* `f FUNCTION OFFSET` / `i CAUSE FUNCTION OFFSET`: on the (OFFSET+1)-th entry of FUNCTION. */
static char kr_probe_function[KR_NAME_MAX];
static unsigned long kr_probe_skip;
static enum kr_inject kr_probe_action;

/*
 * The fault-injection runtime (fault-inject/runtime/fgft_fault.c) shares this
 * control interface: commands krecover does not know (s ID, a, d, n N, e FUNC,
 * m transient|permanent) go to it when it is linked in (weak: krecover builds
 * without it too).
 */
int fgft_fault_control(const char *cmd) __attribute__((weak));

static char kr_watch_path[4096];
static long kr_watch_offset;

static void kr_probes_update(void)
{
	kr_probes_armed = kr_probe_function[0] != '\0';
}

void kr_probe_reset(void)
{
	kr_checks_set_quota(0);
	kr_probe_function[0] = '\0';
	kr_probe_skip = 0;
	kr_probe_action = KR_INJECT_FAIL;
	kr_probes_update();
}

void kr_probe(const char *function)
{
	if (kr_probe_function[0] && strcmp(function, kr_probe_function) == 0) {
		if (kr_probe_skip) {
			kr_probe_skip--;
			return;
		}
		kr_probe_function[0] = '\0';
		kr_probes_update();
		kr_inject(kr_probe_action, function);
	}
}

static int kr_parse_ulong(const char *s, unsigned long long *out)
{
	char *end;

	if (!s)
		return -KR_EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 0);
	if (errno || end == s || *end != '\0')
		return -KR_EINVAL;
	return 0;
}

static int kr_arm_probe(const char *function, unsigned long long skip, enum kr_inject action)
{
	if (strlen(function) >= KR_NAME_MAX)
		return -KR_EINVAL;
	strcpy(kr_probe_function, function);
	kr_probe_skip = (unsigned long)skip;
	kr_probe_action = action;
	kr_probes_update();
	return 0;
}

/* The words of a command krecover does not know, joined again, to the fault runtime. */
static int kr_forward_fault_command(char **w, int n)
{
	char cmd[KR_LINE_MAX];
	size_t used = 0;
	int i;

	cmd[0] = '\0';
	for (i = 0; i < n; i++) {
		int len = snprintf(cmd + used, sizeof(cmd) - used, "%s%s", i ? " " : "", w[i]);

		if (len < 0 || (size_t)len >= sizeof(cmd) - used)
			return -KR_EINVAL;
		used += (size_t)len;
	}
	return fgft_fault_control(cmd) == 0 ? 0 : -KR_EINVAL;
}

/* Recoveries so far; the fault runtime polls it to model a transient fault (gone with the reloaded image). */
unsigned long kr_recoveries(void);
unsigned long kr_recoveries(void)
{
	return kr_stats_data.recoveries;
}

/* One command, already split into at most four words. */
static int kr_command(char **w, int n, const char **error)
{
	struct kr_settings s;
	unsigned long long a, b;
	int action;

	kr_get_settings(&s);
	if (n == 2 && strcmp(w[0], "r") == 0 && kr_parse_ulong(w[1], &a) == 0 && a <= 1) {
		s.recovery = (int)a;
	} else if (n == 2 && strcmp(w[0], "q") == 0 && kr_parse_ulong(w[1], &a) == 0) {
		kr_checks_set_quota((unsigned long)a);
		return 0;
	} else if (n == 3 && strcmp(w[0], "f") == 0 && kr_parse_ulong(w[2], &a) == 0 &&
		   kr_arm_probe(w[1], a, KR_INJECT_FAIL) == 0) {
		return 0;
	} else if (n == 4 && strcmp(w[0], "i") == 0 && (action = kr_inject_parse(w[1])) >= 0 &&
		   kr_parse_ulong(w[3], &a) == 0 && kr_arm_probe(w[2], a, (enum kr_inject)action) == 0) {
		return 0;
	} else if (n == 2 && strcmp(w[0], "p") == 0 && strcmp(w[1], "unload") == 0) {
		s.policy = KR_POLICY_UNLOAD;
	} else if (n == 2 && strcmp(w[0], "p") == 0 && strcmp(w[1], "restart") == 0) {
		s.policy = KR_POLICY_RESTART;
	} else if (n == 3 && strcmp(w[0], "l") == 0 && kr_parse_ulong(w[1], &a) == 0 &&
		   kr_parse_ulong(w[2], &b) == 0) {
		s.max_restarts = (unsigned int)a;
		s.window_ns = b * 1000000ull;
	} else if (n == 2 && strcmp(w[0], "b") == 0 && kr_parse_ulong(w[1], &a) == 0) {
		s.restart_backoff_ns = a * 1000000ull;
	} else if (n == 3 && strcmp(w[0], "w") == 0 && kr_parse_ulong(w[1], &a) == 0 &&
		   kr_parse_ulong(w[2], &b) == 0) {
		s.hang_real_ms = a;
		s.hang_sim_ns = b * 1000000ull;
	} else if (fgft_fault_control && kr_forward_fault_command(w, n) == 0) {
		return 0;
	} else {
		if (error)
			*error = "unknown command (expected r 0|1, q N, f FUNCTION OFFSET, i CAUSE FUNCTION OFFSET, "
				 "p unload|restart, l N WINDOW_MS, b BACKOFF_MS, w REAL_MS SIM_MS; with fault injection linked: "
				 "s SITE, a, d, n N, e FUNCTION, m transient|permanent)";
		return -KR_EINVAL;
	}
	kr_set_settings(&s);
	return 0;
}

int kr_control_write(const char *commands, const char **error)
{
	char line[KR_LINE_MAX];
	const char *p = commands;

	while (*p) {
		size_t len = strcspn(p, ";\n");
		char *w[5], *save = NULL, *tok;
		int n = 0, rc;

		if (len >= sizeof(line)) {
			if (error)
				*error = "command too long";
			return -KR_EINVAL;
		}
		memcpy(line, p, len);
		line[len] = '\0';
		p += len + (p[len] ? 1 : 0);
		for (tok = strtok_r(line, " \t\r", &save); tok && n < 5; tok = strtok_r(NULL, " \t\r", &save))
			w[n++] = tok;
		if (n == 0)
			continue;
		rc = n > 4 ? -KR_EINVAL : kr_command(w, n, error);
		if (rc) {
			if (error && n > 4)
				*error = "too many words";
			return rc;
		}
	}
	return 0;
}

static const char *const kr_state_names[] = {
	[KR_DRIVER_LOADED] = "loaded",
	[KR_DRIVER_RESTART_PENDING] = "restart-pending",
	[KR_DRIVER_UNLOADED] = "unloaded",
	[KR_DRIVER_DISABLED] = "disabled",
	[KR_DRIVER_RECOVERING] = "recovering",
};

size_t kr_control_read(char *buf, size_t len)
{
	const struct kr_stats *st = &kr_stats_data;
	unsigned long total = 0;
	size_t used = 0;
	unsigned int i;

#define KR_PRINT(...)                                                                  \
	do {                                                                           \
		int _n = snprintf(buf + (used < len ? used : len), used < len ? len - used : 0, __VA_ARGS__); \
		if (_n > 0)                                                            \
			used += (size_t)_n;                                            \
	} while (0)

	for (i = 0; i < KR_CAUSE_COUNT; i++)
		total += st->failures[i];
	KR_PRINT("recovery: %s\n", kr_settings.recovery ? "on" : "off");
	KR_PRINT("policy: %s (at most %u restarts per %llu ms, retry back-off %llu ms)\n",
		 kr_policy_name(kr_settings.policy), kr_settings.max_restarts, kr_settings.window_ns / 1000000ull,
		 kr_settings.restart_backoff_ns / 1000000ull);
	KR_PRINT("driver: %s\n", kr_state_names[kr_state]);
	KR_PRINT("failures: %lu\n", total);
	for (i = 0; i < KR_CAUSE_COUNT; i++)
		KR_PRINT("failures.%s: %lu\n", kr_cause_name((enum kr_cause)i), st->failures[i]);
	KR_PRINT("recoveries: %lu\n", st->recoveries);
	KR_PRINT("unloads: %lu\n", st->unloads);
	KR_PRINT("restarts: %lu\n", st->restarts);
	KR_PRINT("restart-failures: %lu\n", st->restart_failures);
	KR_PRINT("restart-retries: %lu\n", st->restart_retries);
	KR_PRINT("recovery-faults: %lu\n", st->recovery_faults);
	KR_PRINT("disables: %lu\n", st->disables);
	KR_PRINT("compensation-faults: %lu\n", st->compensation_faults);
	KR_PRINT("refused-calls: %lu\n", st->refused_calls);
	KR_PRINT("resources-released: %lu\n", st->resources_released);
	KR_PRINT("recovery-time-last-ns: %llu\n", st->recovery_wall_ns_last);
	KR_PRINT("recovery-time-total-ns: %llu\n", st->recovery_wall_ns_total);
	KR_PRINT("release-time-last-ns: %llu\n", st->release_wall_ns_last);
	KR_PRINT("restart-time-last-ns: %llu\n", st->restart_wall_ns_last);
	KR_PRINT("quota-remaining: %lu\n", kr_checks_quota_remaining());
	KR_PRINT("probe: %s %s %lu\n", kr_inject_name(kr_probe_action),
		 kr_probe_function[0] ? kr_probe_function : "-", kr_probe_skip);
#undef KR_PRINT
	return used;
}

int kr_control_watch_file(const char *path)
{
	if (strlen(path) >= sizeof(kr_watch_path))
		return -KR_EINVAL;
	strcpy(kr_watch_path, path);
	kr_watch_offset = 0;
	return 0;
}

/* Run the complete lines appended to the watched file since the last poll. */
void kr_control_poll_file(void)
{
	char chunk[KR_LINE_MAX * 4];
	struct stat sb;
	const char *error = NULL;
	FILE *f;
	size_t n;
	char *end;

	if (!kr_watch_path[0] || stat(kr_watch_path, &sb) || sb.st_size <= kr_watch_offset)
		return;
	f = fopen(kr_watch_path, "r");
	if (!f)
		return;
	if (fseek(f, kr_watch_offset, SEEK_SET) == 0) {
		n = fread(chunk, 1, sizeof(chunk) - 1, f);
		chunk[n] = '\0';
		end = strrchr(chunk, '\n');
		if (end) {
			end[1] = '\0';
			kr_watch_offset += (long)(end + 1 - chunk);
			if (kr_control_write(chunk, &error))
				fprintf(stderr, "krecover: %s: %s\n", kr_watch_path, error);
		}
	}
	fclose(f);
}

__attribute__((constructor)) static void kr_control_from_environment(void)
{
	const char *cmds = getenv("KRECOVER");
	const char *file = getenv("KRECOVER_FILE");
	const char *error = NULL;

	if (cmds && kr_control_write(cmds, &error))
		fprintf(stderr, "krecover: KRECOVER: %s\n", error);
	if (file)
		kr_control_watch_file(file);
}
