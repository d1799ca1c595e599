// SPDX-License-Identifier: MIT
/*
 * kr_harness.c - krecover in the e1000 harness: the harness calls
 * fgft_runtime_init() (fgft/harness.h) after it has built the machine and
 * before it loads the module.  Link this file (as an object, not from an
 * archive: the harness's reference is weak) to get recovery in a harness.
 * Settings come from KRECOVER="r 1; p restart" and KRECOVER_FILE=path
 * (kr_control.c); KRECOVER_STATS=1 prints the statistics when the run ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <fgft/harness.h>
#include <linux/krecover.h>

static void kr_print_stats(void)
{
	char buf[2048];

	kr_control_read(buf, sizeof(buf));
	fprintf(stderr, "krecover statistics:\n%sframes-dropped: %lu\n", buf, kr_frames_dropped());
}

void fgft_runtime_init(void)
{
	static int registered;

	kr_machine_attach();
	if (!registered && getenv("KRECOVER_STATS")) {
		atexit(kr_print_stats);
		registered = 1;
	}
}
