/* Monotonic wall time for shim_main.c, which cannot include <time.h> next to the kernel's timer.h. */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

unsigned long long wall_clock_ns(void);

unsigned long long wall_clock_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}
