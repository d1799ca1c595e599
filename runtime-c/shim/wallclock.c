/* Host wall-clock time, kept apart: <time.h> declares a POSIX timer_delete that clashes with the kernel's. */
#include <stdint.h>
#include <time.h>

uint64_t fgft_wall_ns(void);

uint64_t fgft_wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}
