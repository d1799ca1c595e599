#ifndef _FGFT_LINUX_MODULEPARAM_H
#define _FGFT_LINUX_MODULEPARAM_H

#define module_param(name, type, perm) extern int fgft_module_param_unused
#define module_param_named(name, value, type, perm) extern int fgft_module_param_unused
#define module_param_array(name, type, nump, perm) extern int fgft_module_param_unused
#define MODULE_PARM_DESC(parm, desc) extern int fgft_module_param_unused

#endif
