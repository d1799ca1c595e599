/* linux/init.h: module_init/module_exit record the driver's entry points in well-known symbols that the
 * harness calls to load and unload the module (one module per harness binary). */
#ifndef _FGFT_LINUX_INIT_H
#define _FGFT_LINUX_INIT_H

#include <linux/compiler.h>

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

#define module_init(initfn) initcall_t fgft_module_initcall = initfn
#define module_exit(exitfn) exitcall_t fgft_module_exitcall = exitfn
#define late_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)

#endif
