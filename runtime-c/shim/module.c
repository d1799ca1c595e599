/* Module load/unload: the driver's module_init/module_exit, run in the module owner's process context. */
#include <linux/init.h>
#include <linux/errno.h>
#include "internal.h"

extern initcall_t fgft_module_initcall __attribute__((weak));
extern exitcall_t fgft_module_exitcall __attribute__((weak));

static int loaded;

int fgft_module_loaded(void)
{
	return loaded;
}

int fgft_module_load(void)
{
	struct fgft_entry_state saved;
	int err;

	if (loaded)
		return -EEXIST;
	if (!&fgft_module_initcall || !fgft_module_initcall) {
		fgft_log("module has no module_init\n");
		return -ENOEXEC;
	}
	saved = fgft_entry_begin(fgft_module_owner(), FGFT_CTX_PROCESS, "module_init");
	err = fgft_module_initcall();
	fgft_entry_end(saved);
	if (err)
		return err;
	loaded = 1;
	return 0;
}

void fgft_module_unload(void)
{
	struct fgft_entry_state saved;

	if (!loaded)
		return;
	if (&fgft_module_exitcall && fgft_module_exitcall) {
		saved = fgft_entry_begin(fgft_module_owner(), FGFT_CTX_PROCESS, "module_exit");
		fgft_module_exitcall();
		fgft_entry_end(saved);
	}
	loaded = 0;
}

void fgft_module_reset(void);
void fgft_module_reset(void)
{
	loaded = 0;
}
