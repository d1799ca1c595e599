/* linux/module.h: module metadata macros are accepted and ignored; see init.h for module_init/exit. */
#ifndef _FGFT_LINUX_MODULE_H
#define _FGFT_LINUX_MODULE_H

#include <linux/types.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>

struct module;
#define THIS_MODULE ((struct module *)0)

/* Each expands to a harmless declaration so the trailing semicolon is valid at file scope. */
#define MODULE_LICENSE(x) extern int fgft_module_info_unused
#define MODULE_AUTHOR(x) extern int fgft_module_info_unused
#define MODULE_DESCRIPTION(x) extern int fgft_module_info_unused
#define MODULE_VERSION(x) extern int fgft_module_info_unused
#define MODULE_ALIAS(x) extern int fgft_module_info_unused
#define MODULE_FIRMWARE(x) extern int fgft_module_info_unused
#define MODULE_DEVICE_TABLE(type, name) extern int fgft_module_info_unused
#define EXPORT_SYMBOL(sym) extern int fgft_module_info_unused
#define EXPORT_SYMBOL_GPL(sym) extern int fgft_module_info_unused

#endif
