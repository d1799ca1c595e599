/* Drives mini_drv.c (built through fgftc with stubs and checks) against the krecover
 * runtime without the kernel shim: recovery_ops count what recovery asks
 * for.  argv[1] names a scenario; the program prints `key=value` lines that
 * test/recovery/runtime.test.ts checks. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/krecover.h>
#include "../../../runtime-c/checks/fgft_check.h"

#include "mini_dev.h"

extern const struct mini_ops mini_ops;
int mini_nested_entry(struct mini_dev *dev);

static mini_handler_t irq_handler;
static void *irq_data;
static unsigned long released, unloads, restarts;

int mini_register_irq(int irq, mini_handler_t handler, void *data)
{
	(void)irq;
	irq_handler = handler;
	irq_data = data;
	return 0;
}

static unsigned long release_all(void)
{
	irq_handler = NULL;
	released += 2;
	return 2;
}

static void unload(void)
{
	unloads++;
}

static struct mini_dev dev;
static int slots[8];

static int restart(void)
{
	restarts++;
	return mini_ops.open(&dev);
}

static const struct kr_recovery_ops ops = {
	.release_all = release_all,
	.unload = unload,
	.restart = restart,
};

static volatile char *sigbus_page(void)
{
	char path[] = "/tmp/kr-sigbus-XXXXXX";
	int fd = mkstemp(path);
	void *p;

	if (fd < 0)
		return NULL;
	unlink(path);
	if (ftruncate(fd, 4096))
		return NULL;
	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : (volatile char *)p + 4096;
}

static void control(const char *cmds)
{
	const char *error = NULL;

	if (kr_control_write(cmds, &error)) {
		printf("control-error=%s\n", error);
		exit(2);
	}
}

static void report(void)
{
	char buf[2048];
	const struct kr_stats *st = kr_get_stats();

	kr_poll(); /* the failed driver's release runs here */
	printf("state=%d recoveries=%lu unloads=%lu restarts=%lu released=%lu refused=%lu depth=%d\n",
	       (int)kr_driver_state(), st->recoveries, unloads, restarts, released, st->refused_calls, kr_in_driver());
	kr_control_read(buf, sizeof(buf));
	fputs(buf, stdout);
}

static int poke_cause(int how, const char *setup)
{
	control("r 1; w 100 0");
	if (setup)
		control(setup);
	mini_ops.poke(&dev, how);
	printf("after-failure-xmit=%d\n", mini_ops.xmit(&dev, 3));
	report();
	return 0;
}

int main(int argc, char **argv)
{
	const char *s = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IONBF, 0);
	kr_set_recovery_ops(&ops);
	fgft_check_set_default_mode(FGFT_FAIL_RECOVER);
	dev.divisor = 0;
	dev.slots = slots;
	dev.nslots = 8;
	printf("open=%d\n", mini_ops.open(&dev));
	printf("xmit=%d\n", mini_ops.xmit(&dev, 3));

	if (strcmp(s, "trigger") == 0)
		return poke_cause(1, NULL);
	if (strcmp(s, "sigsegv") == 0)
		return poke_cause(2, NULL);
	if (strcmp(s, "sigfpe") == 0)
		return poke_cause(3, NULL);
	if (strcmp(s, "sigill") == 0)
		return poke_cause(4, NULL);
	if (strcmp(s, "sigbus") == 0) {
		dev.bus_page = sigbus_page();
		return poke_cause(5, NULL);
	}
	if (strcmp(s, "hang") == 0)
		return poke_cause(6, NULL);
	if (strcmp(s, "check") == 0)
		return poke_cause(7, NULL);
	if (strcmp(s, "nested") == 0) {
		control("r 1");
		printf("nested=%d\n", mini_nested_entry(&dev));
		report();
		return 0;
	}
	if (strcmp(s, "irq") == 0) {
		control("r 1; f mini_intr 1");
		printf("irq1=%d\n", irq_handler(5, irq_data));
		printf("irq2=%d\n", irq_handler(5, irq_data));
		report();
		return 0;
	}
	if (strcmp(s, "quota") == 0) {
		int i, last = 0;

		control("r 1; q 5");
		for (i = 0; i < 5; i++)
			last = mini_ops.xmit(&dev, i);
		printf("last=%d\n", last);
		report();
		return 0;
	}
	if (strcmp(s, "null-return") == 0) {
		control("r 1");
		printf("lookup-null=%d\n", mini_ops.lookup(&dev, 1) != NULL);
		control("f mini_lookup 0");
		printf("lookup-null=%d\n", mini_ops.lookup(&dev, 1) == NULL);
		report();
		return 0;
	}
	if (strcmp(s, "recovery-off") == 0) {
		mini_ops.poke(&dev, 1);
		printf("still-running=1\n");
		report();
		return 0;
	}
	if (strcmp(s, "outside-driver") == 0) {
		control("r 1");
		*dev.bad = 3; /* the harness's own bug: must still crash */
		printf("not-reached=1\n");
		return 0;
	}
	if (strcmp(s, "restart") == 0) {
		int i;

		control("r 1; p restart; l 2 60000");
		for (i = 0; i < 3; i++) {
			mini_ops.poke(&dev, 1);
			printf("recovering=%d\n", kr_driver_state() == KR_DRIVER_RECOVERING);
			kr_poll(); /* release */
			printf("pending=%d\n", kr_driver_state() == KR_DRIVER_RESTART_PENDING);
			kr_poll(); /* restart */
			printf("round%d-xmit=%d\n", i, mini_ops.xmit(&dev, 3));
		}
		report();
		return 0;
	}
	if (strcmp(s, "watch-file") == 0) {
		const char *path = argv[2];
		FILE *f = fopen(path, "a");

		kr_control_watch_file(path);
		fputs("r 1\nf mini_xmit 0\n", f);
		fclose(f);
		kr_poll();
		printf("watched-xmit=%d\n", mini_ops.xmit(&dev, 3));
		report();
		return 0;
	}
	fprintf(stderr, "unknown scenario '%s'\n", s);
	return 2;
}
