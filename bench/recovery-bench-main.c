/* Timing loop for bench/recovery-stubs.ts.
 *   hotpath FRAMES ROUNDS: ns per xmit call, plain vs stubbed vs stubbed+probes,
 *                          interleaved in one run (minimum over rounds)
 *   recovery POLICY N:     wall time krecover spends per recovery */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/krecover.h>

struct hot_ring;
struct hot_ops {
	int (*xmit)(struct hot_ring *ring, const unsigned char *frame, unsigned int len);
};
extern const struct hot_ops hot_ops_plain, hot_ops_stubbed, hot_ops_probed;

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

static double time_xmit(const struct hot_ops *ops, struct hot_ring *ring, const unsigned char *frame, long frames)
{
	unsigned long long t0 = now_ns();
	long i;

	for (i = 0; i < frames; i++)
		ops->xmit(ring, frame, 60 + (unsigned int)(i & 1023));
	return (double)(now_ns() - t0) / (double)frames;
}

static int hotpath(long frames, int rounds)
{
	static unsigned char frame[1600];
	const struct hot_ops *variants[] = { &hot_ops_plain, &hot_ops_stubbed, &hot_ops_probed };
	const char *names[] = { "plain", "stubbed", "probed" };
	double best[3] = { 1e30, 1e30, 1e30 };
	struct hot_ring *ring = calloc(1, 1 << 20);
	int r, v;

	if (!ring)
		return 1;
	memset(frame, 0x5a, sizeof(frame));
	kr_control_write("r 1", NULL);
	for (r = 0; r < rounds; r++) {
		for (v = 0; v < 3; v++) {
			double t = time_xmit(variants[(v + r) % 3], ring, frame, frames);

			if (t < best[(v + r) % 3])
				best[(v + r) % 3] = t;
		}
	}
	for (v = 0; v < 3; v++)
		printf("%s_ns=%.2f\n", names[v], best[v]);
	free(ring);
	return 0;
}

static int recovery(const char *policy, int n)
{
	char cmd[128];
	const struct kr_stats *st = kr_get_stats();
	unsigned long long worst = 0, total = 0;
	int i;

	snprintf(cmd, sizeof(cmd), "r 1; p %s; l 1000000 1", policy);
	for (i = 0; i < n; i++) {
		kr_control_write(cmd, NULL);
		/* q 1: the next driver function entry fails, inside the stub. */
		kr_control_write("q 1", NULL);
		hot_ops_probed.xmit(NULL, NULL, 0);
		kr_poll();
		if (st->recoveries != 1)
			return 1;
		total += st->recovery_wall_ns_last;
		if (st->recovery_wall_ns_last > worst)
			worst = st->recovery_wall_ns_last;
		kr_reset();
	}
	printf("recoveries=%d\n", n);
	printf("mean_ns=%.1f\n", (double)total / n);
	printf("worst_ns=%llu\n", worst);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "hotpath") == 0)
		return hotpath(atol(argv[2]), atoi(argv[3]));
	if (argc == 4 && strcmp(argv[1], "recovery") == 0)
		return recovery(argv[2], atoi(argv[3]));
	fprintf(stderr, "usage: %s hotpath FRAMES ROUNDS | recovery unload|restart N\n", argv[0]);
	return 2;
}
