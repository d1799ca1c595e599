// SPDX-License-Identifier: MIT
/*
 * kr_harness.c - krecover in the e1000 harness: the harness calls
 * fgft_runtime_init() (fgft/harness.h) after it has built the machine and
 * before it loads the module.  Link this file (as an object, not from an
 * archive: the harness's reference is weak) to get recovery in a harness.
 * Settings come from KRECOVER="r 1; p restart", KRECOVER_FILE=path
 * (kr_control.c) and the harness option --krecover "r 1; p restart"
 * (fgft_runtime_control); KRECOVER_STATS=1 prints the statistics when the
 * run ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <fgft/harness.h>
#include <fgft/track.h>
#include <linux/krecover.h>

/* kr_machine.c: resources released by recoveries so far, by tracked type. */
unsigned long kr_machine_released(enum fgft_res_type type);

static void kr_print_stats(void)
{
	char buf[2048];
	int type;

	kr_control_read(buf, sizeof(buf));
	fprintf(stderr, "krecover statistics:\n%sframes-dropped: %lu\n", buf, kr_frames_dropped());
	for (type = 0; type < FGFT_RES_TYPE_COUNT; type++)
		fprintf(stderr, "released.%s: %lu\n", fgft_res_type_name((enum fgft_res_type)type),
			kr_machine_released((enum fgft_res_type)type));
}

/* An application frame the failed driver still held: the application gets an error for it. */
static void kr_harness_frame_dropped(struct sk_buff *skb, void *arg)
{
	(void)arg;
	fgft_harness_frame_errored(skb);
}

int fgft_runtime_control(const char *commands, const char **error)
{
	return kr_control_write(commands, error) ? -1 : 0;
}

void fgft_runtime_init(void)
{
	static int registered;

	kr_machine_attach();
	kr_set_skb_drop_hook(kr_harness_frame_dropped, NULL);
	if (!registered && getenv("KRECOVER_STATS")) {
		atexit(kr_print_stats);
		registered = 1;
	}
}
