/* linux/bug.h: BUG/WARN report through the shim (a BUG is a machine crash). */
#ifndef _FGFT_LINUX_BUG_H
#define _FGFT_LINUX_BUG_H

void fgft_bug(const char *file, int line) __attribute__((noreturn));
int fgft_warn(int cond, const char *file, int line);

#define BUG() fgft_bug(__FILE__, __LINE__)
#define BUG_ON(cond) do { if (cond) BUG(); } while (0)
#define WARN_ON(cond) fgft_warn(!!(cond), __FILE__, __LINE__)
#define WARN_ON_ONCE(cond) WARN_ON(cond)
#define WARN(cond, ...) fgft_warn(!!(cond), __FILE__, __LINE__)
#define WARN_ONCE(cond, ...) fgft_warn(!!(cond), __FILE__, __LINE__)
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#endif
