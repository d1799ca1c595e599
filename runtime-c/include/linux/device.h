/* linux/device.h: the generic device and dev_* logging. */
#ifndef _FGFT_LINUX_DEVICE_H
#define _FGFT_LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/printk.h>
#include <linux/pm.h>

struct fgft_bus_dev;

struct device_driver {
	const char *name;
	const struct dev_pm_ops *pm;
};

struct device {
	struct device *parent;
	const char *init_name;
	void *driver_data;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	struct device_driver *driver;
	struct fgft_bus_dev *fgft; /* the simulated bus device behind this device (NULL for net devices) */
};

static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }
const char *dev_name(const struct device *dev);

int fgft_dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define dev_emerg(dev, fmt, ...) fgft_dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) fgft_dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) fgft_dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) fgft_dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) fgft_dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) fgft_dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) fgft_dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#endif
