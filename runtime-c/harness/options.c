/* Command-line parsing for the harness binary. Errors are reported gcc-style on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fgft/policy.h>
#include "harness.h"

static const char *prog = "e1000-harness";

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: error: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	return -1;
}

static void print_help(void)
{
	printf("usage: %s --workload send|recv|rr|config --frames N --seed S [--json FILE]\n"
	       "          [--device-fault MODE[,MODE...]] [--msglevel-at FRAME:LEVEL] [--ring-size-at FRAME:N]\n"
	       "          [--mtu-at FRAME:N] [--suspend-at FRAME] [--devices N] [--deny CLASS[,CLASS...]] [--timeout-ms N] [--profile] [--quiet]\n"
	       "          [--krecover \"COMMANDS\"]   (recovery runtime control, e.g. \"r 1; p restart\")\n"
	       "device faults: stuck-reg garbage-reg lost-irq dma-stale link-flap\n"
	       "policy classes: mem pci mmio portio dma irq net timer work lock\n",
	       prog);
}

static int parse_u64(const char *s, u64 *out)
{
	char *end;

	if (!s || !*s || *s == '-')
		return -1;
	*out = strtoull(s, &end, 0);
	return *end ? -1 : 0;
}

static int parse_change(const char *arg, enum fgft_change_kind kind, struct fgft_harness_options *o)
{
	const char *colon = strchr(arg, ':');
	char at[32];
	u64 frame, value;

	if (!colon || (size_t)(colon - arg) >= sizeof(at))
		return usage_error("expected FRAME:VALUE, got '%s'", arg);
	memcpy(at, arg, (size_t)(colon - arg));
	at[colon - arg] = '\0';
	if (parse_u64(at, &frame) || parse_u64(colon + 1, &value) || value > 0xffffffffu)
		return usage_error("expected FRAME:VALUE, got '%s'", arg);
	if (o->nchanges == FGFT_MAX_CHANGES)
		return usage_error("too many configuration changes (at '%s')", arg);
	o->changes[o->nchanges++] = (struct fgft_config_change){ .at_frame = frame, .kind = kind, .value = (u32)value };
	return 0;
}

static int parse_classes(const char *list, unsigned int *mask)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ",");
		unsigned int c;
		int found = 0;

		for (c = 0; c < FGFT_API_CLASS_COUNT; c++) {
			const char *name = fgft_api_class_name((enum fgft_api_class)c);

			if (strlen(name) == len && strncmp(p, name, len) == 0) {
				*mask |= FGFT_GRANT(c);
				found = 1;
			}
		}
		if (!found)
			return usage_error("unknown policy class in '%s'", list);
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* --krecover: the command-line form of the recovery runtime's control interface (like KRECOVER=...). The
 * commands run now, before the machine exists, as the environment's do. */
static int parse_runtime_control(const char *commands, struct fgft_harness_options *o)
{
	const char *error = NULL;

	if (!fgft_runtime_control)
		return usage_error("--krecover '%s': this harness has no recovery runtime (build it with make KRECOVER=1)",
				   commands);
	if (fgft_runtime_control(commands, &error)) {
		fprintf(stderr, "%s: error: --krecover '%s': %s\n", prog, commands, error ? error : "invalid command");
		return -1;
	}
	o->runtime_control = commands;
	return 0;
}

static int parse_workload(const char *s, enum fgft_workload *w)
{
	static const char *const names[] = { "send", "recv", "rr", "config" };
	int i;

	for (i = 0; i < 4; i++) {
		if (strcmp(s, names[i]) == 0) {
			*w = (enum fgft_workload)i;
			return 0;
		}
	}
	return usage_error("unknown workload '%s' (expected send, recv, rr or config)", s);
}

/* Split "--name=value" or take the next argument as the value. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) == 0 && a[n] == '=')
		return a + n + 1;
	if (strcmp(a, name) == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int is_option(const char *a, const char *name)
{
	size_t n = strlen(name);

	return strncmp(a, name, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

int fgft_harness_parse(int argc, char **argv, struct fgft_harness_options *o)
{
	int i;

	if (argc > 0 && argv[0]) {
		const char *slash = strrchr(argv[0], '/');

		prog = slash ? slash + 1 : argv[0];
	}
	memset(o, 0, sizeof(*o));
	o->workload = FGFT_WL_SEND;
	o->frames = 1000;
	o->seed = 1;
	o->devices = 1;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		u64 n;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_help();
			exit(0);
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
			continue;
		} else if (strcmp(a, "--profile") == 0) {
			o->profile = 1;
			continue;
		}
		if (strncmp(a, "--", 2) != 0)
			return usage_error("unexpected argument '%s'", a);
		if (is_option(a, "--workload") || is_option(a, "--frames") || is_option(a, "--seed") ||
		    is_option(a, "--json") || is_option(a, "--device-fault") || is_option(a, "--msglevel-at") ||
		    is_option(a, "--ring-size-at") || is_option(a, "--mtu-at") || is_option(a, "--suspend-at") || is_option(a, "--devices") ||
		    is_option(a, "--deny") || is_option(a, "--timeout-ms") || is_option(a, "--krecover")) {
			char name[32];

			snprintf(name, sizeof(name), "%.*s", (int)strcspn(a, "="), a);
			v = option_value(argc, argv, &i, name);
			if (!v)
				return usage_error("option '%s' needs a value", name);
			if (strcmp(name, "--workload") == 0) {
				if (parse_workload(v, &o->workload))
					return -1;
			} else if (strcmp(name, "--frames") == 0) {
				if (parse_u64(v, &o->frames) || o->frames == 0 || o->frames > 100000000)
					return usage_error("invalid frame count '%s'", v);
			} else if (strcmp(name, "--seed") == 0) {
				if (parse_u64(v, &o->seed))
					return usage_error("invalid seed '%s'", v);
			} else if (strcmp(name, "--json") == 0) {
				o->json_path = v;
			} else if (strcmp(name, "--device-fault") == 0) {
				if (e1000_fault_parse(v, &o->device_faults))
					return usage_error("unknown device fault in '%s' (expected stuck-reg, garbage-reg, "
							   "lost-irq, dma-stale, link-flap)", v);
			} else if (strcmp(name, "--msglevel-at") == 0) {
				if (parse_change(v, FGFT_CHANGE_MSGLEVEL, o))
					return -1;
			} else if (strcmp(name, "--ring-size-at") == 0) {
				if (parse_change(v, FGFT_CHANGE_RING, o))
					return -1;
			} else if (strcmp(name, "--suspend-at") == 0) {
				char spec[48];

				snprintf(spec, sizeof(spec), "%s:0", v);
				if (parse_change(spec, FGFT_CHANGE_SUSPEND, o))
					return -1;
			} else if (strcmp(name, "--mtu-at") == 0) {
				if (parse_change(v, FGFT_CHANGE_MTU, o))
					return -1;
			} else if (strcmp(name, "--devices") == 0) {
				if (parse_u64(v, &n) || n < 1 || n > MAX_MODELS)
					return usage_error("invalid device count '%s' (1 to 4)", v);
				o->devices = (int)n;
			} else if (strcmp(name, "--deny") == 0) {
				if (parse_classes(v, &o->denied_classes))
					return -1;
			} else if (strcmp(name, "--krecover") == 0) {
				if (parse_runtime_control(v, o))
					return -1;
			} else if (strcmp(name, "--timeout-ms") == 0) {
				if (parse_u64(v, &o->timeout_ms))
					return usage_error("invalid timeout '%s'", v);
			}
			continue;
		}
		return usage_error("unknown option '%s'", a);
	}
	return 0;
}
