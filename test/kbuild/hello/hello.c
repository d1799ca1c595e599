// SPDX-License-Identifier: GPL-2.0
/*
 * A minimal out-of-tree module: enough kernel headers and GNU C (attributes,
 * statement expressions in min()/pr_info(), section annotations) to exercise
 * the drop-in driver under kbuild's full set of compiler flags.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/module.h>

static int answer = 42;
module_param(answer, int, 0444);
MODULE_PARM_DESC(answer, "a number to print at load time");

static int __init hello_init(void)
{
	int shown = min(answer, 1000);

	pr_info("fgftc hello: answer=%d\n", shown);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("fgftc hello: bye\n");
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("fgftc kbuild smoke test");
