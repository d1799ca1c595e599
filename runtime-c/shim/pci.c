/* The simulated PCI bus: devices plugged in by the harness, drivers bound through their id tables, and the
 * per-device state (enable, bus mastering, regions, power, config space). */
#include <stdio.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <string.h>
#include <linux/pci.h>
#include "internal.h"

#define FGFT_MAX_PCI 8
#define BAR0_BASE 0xf0000000ULL
#define BAR0_STRIDE 0x00100000ULL
#define IRQ_BASE 11

struct fgft_bus_dev {
	struct pci_dev pdev;
	struct fgft_pci_desc desc;
	char name[16];
	int enabled;
	int regions;
	int suspended;
	struct fgft_owner *owner;
	u64 dma_mask;
	u8 config[256];
};

static struct fgft_bus_dev *bus[FGFT_MAX_PCI];
static int bus_count;
static struct pci_driver *drivers[4];
static int driver_count;

static void put16(u8 *c, int off, u16 v) { c[off] = (u8)v; c[off + 1] = (u8)(v >> 8); }
static void put32(u8 *c, int off, u32 v) { put16(c, off, (u16)v); put16(c, off + 2, (u16)(v >> 16)); }

struct fgft_bus_dev *fgft_pci_plug(const struct fgft_pci_desc *desc)
{
	struct fgft_bus_dev *b;
	struct pci_dev *p;

	if (bus_count == FGFT_MAX_PCI)
		return NULL;
	b = fgft_xzalloc(sizeof(*b));
	b->desc = *desc;
	snprintf(b->name, sizeof(b->name), "0000:00:%02x.0", 3 + bus_count);
	p = &b->pdev;
	p->vendor = desc->vendor;
	p->device = desc->device;
	p->subsystem_vendor = desc->subsystem_vendor;
	p->subsystem_device = desc->subsystem_device;
	p->revision = desc->revision;
	p->class = desc->class;
	p->devfn = (unsigned int)(3 + bus_count) << 3;
	p->irq = IRQ_BASE + (unsigned int)bus_count;
	p->dma_mask = DMA_BIT_MASK(32);
	p->dev.dma_mask = &p->dma_mask;
	p->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	p->dev.init_name = b->name;
	p->dev.fgft = b;
	p->resource[0].start = BAR0_BASE + (u64)bus_count * BAR0_STRIDE;
	p->resource[0].end = p->resource[0].start + desc->bar0_len - 1;
	p->resource[0].flags = IORESOURCE_MEM;
	p->resource[0].name = b->name;
	b->dma_mask = DMA_BIT_MASK(32);
	put16(b->config, PCI_VENDOR_ID, desc->vendor);
	put16(b->config, PCI_DEVICE_ID, desc->device);
	b->config[PCI_REVISION_ID] = desc->revision;
	put32(b->config, 0x08, (desc->class << 8) | desc->revision);
	put32(b->config, 0x10, (u32)p->resource[0].start);
	put16(b->config, 0x2c, desc->subsystem_vendor);
	put16(b->config, 0x2e, desc->subsystem_device);
	b->config[PCI_INTERRUPT_LINE] = (u8)p->irq;
	bus[bus_count++] = b;
	return b;
}

void fgft_pci_unplug_all(void)
{
	fgft_pci_reset();
}

void fgft_pci_reset(void)
{
	int i;

	for (i = 0; i < bus_count; i++)
		free(bus[i]);
	bus_count = 0;
	driver_count = 0;
}

struct pci_dev *fgft_bus_pci_dev(struct fgft_bus_dev *bdev) { return &bdev->pdev; }
unsigned int fgft_bus_irq(const struct fgft_bus_dev *bdev) { return bdev->pdev.irq; }
int fgft_bus_bound(const struct fgft_bus_dev *bdev) { return bdev->pdev.driver != NULL; }
struct fgft_owner *fgft_bus_dev_owner(const struct fgft_bus_dev *bdev) { return bdev->owner; }
u64 fgft_bus_dev_dma_mask(const struct fgft_bus_dev *bdev) { return bdev->dma_mask; }

const char *fgft_bus_dev_driver_name(const struct fgft_bus_dev *bdev)
{
	return bdev->pdev.driver ? bdev->pdev.driver->name : NULL;
}

struct fgft_bus_dev *fgft_pci_bus_dev_of_irq(unsigned int irq)
{
	int i;

	for (i = 0; i < bus_count; i++)
		if (bus[i]->pdev.irq == irq)
			return bus[i];
	return NULL;
}

struct fgft_bus_dev *fgft_pci_find_bar(phys_addr_t phys, size_t len, u32 *offset)
{
	int i;

	for (i = 0; i < bus_count; i++) {
		struct resource *r = &bus[i]->pdev.resource[0];

		if (phys >= r->start && phys + len - 1 <= r->end) {
			*offset = (u32)(phys - r->start);
			return bus[i];
		}
	}
	return NULL;
}

int fgft_bus_dev_read_bar(struct fgft_bus_dev *bdev, u32 offset, u32 *value)
{
	*value = bdev->desc.mmio->read32(bdev->desc.ctx, offset);
	return 0;
}

int fgft_bus_dev_write_bar(struct fgft_bus_dev *bdev, u32 offset, u32 value)
{
	bdev->desc.mmio->write32(bdev->desc.ctx, offset, value);
	return 0;
}

const char *dev_name(const struct device *dev)
{
	if (!dev)
		return "(null)";
	return dev->init_name ? dev->init_name : "device";
}

static struct fgft_bus_dev *bus_of(const struct pci_dev *pdev)
{
	return pdev ? pdev->dev.fgft : NULL;
}

/* The calling instance may operate only on its own device. */
static struct fgft_bus_dev *own_dev(struct pci_dev *pdev, const char *api)
{
	struct fgft_bus_dev *b = bus_of(pdev);
	struct fgft_owner *cur = fgft_current_owner();

	if (!fgft_policy_allow(FGFT_API_PCI, api))
		return NULL;
	if (!b) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "%s: not a PCI device", api);
		return NULL;
	}
	if (cur && b->owner && cur != b->owner && cur->pci_dev) {
		fgft_policy_deny(FGFT_DENY_DEVICE, "%s on %s, which belongs to %s", api, b->name, b->owner->name);
		return NULL;
	}
	return b;
}

static const struct pci_device_id *match_id(const struct pci_driver *drv, const struct pci_dev *p)
{
	const struct pci_device_id *id;

	for (id = drv->id_table; id && (id->vendor || id->device || id->subvendor); id++) {
		if ((id->vendor == PCI_ANY_ID || id->vendor == p->vendor) &&
		    (id->device == PCI_ANY_ID || id->device == p->device) &&
		    (id->subvendor == PCI_ANY_ID || id->subvendor == p->subsystem_vendor) &&
		    (id->subdevice == PCI_ANY_ID || id->subdevice == p->subsystem_device))
			return id;
	}
	return NULL;
}

static void probe_one(struct pci_driver *drv, struct fgft_bus_dev *b, const struct pci_device_id *id)
{
	struct fgft_entry_state saved;
	int err;

	/* One owner per device for the life of the machine (a driver restarted by a recovery runtime binds again
	 * as the same instance); the policy is the driver's, the name tells instances apart in reports. */
	if (!b->owner)
		b->owner = fgft_owner_new(drv->name, &b->pdev);
	b->owner->policy = fgft_policy_for(drv->name);
	snprintf(b->owner->name, sizeof(b->owner->name), "%s %s", drv->name, b->name);
	b->pdev.driver = drv;
	b->pdev.dev.driver = &drv->driver;
	saved = fgft_entry_begin(b->owner, FGFT_CTX_PROCESS, "probe");
	err = drv->probe(&b->pdev, id);
	fgft_entry_end(saved);
	if (err) {
		fgft_log("%s %s: probe failed with error %d\n", drv->name, b->name, err);
		b->pdev.driver = NULL;
		b->pdev.dev.driver = NULL;
	}
}

int pci_register_driver(struct pci_driver *drv)
{
	int i;

	if (!fgft_policy_allow(FGFT_API_PCI, "pci_register_driver"))
		return -EPERM;
	if (driver_count == (int)ARRAY_SIZE(drivers))
		return -ENOMEM;
	drivers[driver_count++] = drv;
	fgft_track_add(FGFT_RES_PCI_DRIVER, drv, 0);
	for (i = 0; i < bus_count; i++) {
		const struct pci_device_id *id;

		if (bus[i]->pdev.driver)
			continue;
		id = match_id(drv, &bus[i]->pdev);
		if (id && drv->probe)
			probe_one(drv, bus[i], id);
	}
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	int i;

	if (fgft_track_remove(FGFT_RES_PCI_DRIVER, drv)) {
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "pci_unregister_driver(%s): not registered", drv->name);
		return;
	}
	for (i = 0; i < bus_count; i++) {
		struct fgft_bus_dev *b = bus[i];
		struct fgft_entry_state saved;

		if (b->pdev.driver != drv)
			continue;
		saved = fgft_entry_begin(b->owner, FGFT_CTX_PROCESS, "remove");
		if (drv->remove)
			drv->remove(&b->pdev);
		fgft_entry_end(saved);
		b->pdev.driver = NULL;
		b->pdev.dev.driver = NULL;
	}
	for (i = 0; i < driver_count; i++) {
		if (drivers[i] == drv) {
			drivers[i] = drivers[--driver_count];
			break;
		}
	}
}

/* Called by the harness for power management through the bound driver. */
static int pm_call(struct pci_dev *pdev, int suspend)
{
	struct fgft_bus_dev *b = bus_of(pdev);
	struct pci_driver *drv = pdev->driver;
	struct fgft_entry_state saved;
	int err = 0;

	if (!b || !drv)
		return -ENODEV;
	saved = fgft_entry_begin(b->owner, FGFT_CTX_PROCESS, suspend ? "suspend" : "resume");
	if (suspend && drv->suspend)
		err = drv->suspend(pdev, PMSG_SUSPEND);
	else if (!suspend && drv->resume)
		err = drv->resume(pdev);
	else if (drv->driver.pm && suspend && drv->driver.pm->suspend)
		err = drv->driver.pm->suspend(&pdev->dev);
	else if (drv->driver.pm && !suspend && drv->driver.pm->resume)
		err = drv->driver.pm->resume(&pdev->dev);
	else
		err = -EOPNOTSUPP;
	fgft_entry_end(saved);
	b->suspended = suspend && !err;
	return err;
}

int fgft_pci_pm(struct pci_dev *pdev, int suspend);
int fgft_pci_pm(struct pci_dev *pdev, int suspend)
{
	return pm_call(pdev, suspend);
}

int pci_enable_device(struct pci_dev *dev)
{
	struct fgft_bus_dev *b = own_dev(dev, "pci_enable_device");

	if (!b)
		return -EPERM;
	if (b->enabled++ == 0)
		fgft_track_add(FGFT_RES_PCI_ENABLE, dev, 0);
	b->config[PCI_COMMAND] |= PCI_COMMAND_MEMORY;
	return 0;
}

int pci_enable_device_mem(struct pci_dev *dev)
{
	return pci_enable_device(dev);
}

void pci_disable_device(struct pci_dev *dev)
{
	struct fgft_bus_dev *b = own_dev(dev, "pci_disable_device");

	if (!b)
		return;
	if (b->enabled == 0) {
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "pci_disable_device(%s): device not enabled", b->name);
		return;
	}
	if (--b->enabled == 0) {
		fgft_track_remove(FGFT_RES_PCI_ENABLE, dev);
		b->config[PCI_COMMAND] &= (u8)~(PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
		dev->is_busmaster = 0;
	}
}

int pci_is_enabled(struct pci_dev *dev)
{
	struct fgft_bus_dev *b = bus_of(dev);

	return b && b->enabled > 0;
}

void pci_set_master(struct pci_dev *dev)
{
	struct fgft_bus_dev *b = own_dev(dev, "pci_set_master");

	if (!b)
		return;
	dev->is_busmaster = 1;
	b->config[PCI_COMMAND] |= PCI_COMMAND_MASTER;
}

void pci_clear_master(struct pci_dev *dev)
{
	struct fgft_bus_dev *b = own_dev(dev, "pci_clear_master");

	if (!b)
		return;
	dev->is_busmaster = 0;
	b->config[PCI_COMMAND] &= (u8)~PCI_COMMAND_MASTER;
}

int fgft_pci_bus_master(const struct fgft_bus_dev *bdev);
int fgft_pci_bus_master(const struct fgft_bus_dev *bdev)
{
	return bdev->pdev.is_busmaster && bdev->enabled > 0;
}

int pci_select_bars(struct pci_dev *dev, unsigned long flags)
{
	return (dev->resource[0].flags & flags) ? 1 : 0;
}

int pci_request_selected_regions(struct pci_dev *dev, int bars, const char *name)
{
	struct fgft_bus_dev *b = own_dev(dev, "pci_request_regions");

	(void)name;
	if (!b)
		return -EPERM;
	if (b->regions)
		return -EBUSY;
	b->regions = bars ? bars : 1;
	fgft_track_add(FGFT_RES_PCI_REGIONS, dev, (unsigned long)b->regions);
	return 0;
}

int pci_request_regions(struct pci_dev *dev, const char *name)
{
	return pci_request_selected_regions(dev, 1, name);
}

void pci_release_selected_regions(struct pci_dev *dev, int bars)
{
	struct fgft_bus_dev *b = own_dev(dev, "pci_release_regions");

	(void)bars;
	if (!b)
		return;
	if (!b->regions) {
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "pci_release_regions(%s): regions not requested", b->name);
		return;
	}
	b->regions = 0;
	fgft_track_remove(FGFT_RES_PCI_REGIONS, dev);
}

void pci_release_regions(struct pci_dev *dev)
{
	pci_release_selected_regions(dev, 1);
}

void __iomem *pci_ioremap_bar(struct pci_dev *pdev, int bar)
{
	if (bar != 0 || !(pdev->resource[bar].flags & IORESOURCE_MEM))
		return NULL;
	return ioremap(pci_resource_start(pdev, bar), pci_resource_len(pdev, bar));
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	unsigned long len;

	if (bar != 0)
		return NULL;
	len = pci_resource_len(dev, bar);
	if (maxlen && maxlen < len)
		len = maxlen;
	return ioremap(pci_resource_start(dev, bar), len);
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	(void)dev;
	iounmap(addr);
}

int pci_save_state(struct pci_dev *dev) { (void)dev; return 0; }
void pci_restore_state(struct pci_dev *dev) { (void)dev; }

int pci_set_power_state(struct pci_dev *dev, pci_power_t state)
{
	if (!own_dev(dev, "pci_set_power_state"))
		return -EPERM;
	dev->current_state = state;
	return 0;
}

int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable)
{
	(void)dev; (void)state; (void)enable;
	return 0;
}

int pci_wake_from_d3(struct pci_dev *dev, bool enable)
{
	(void)dev; (void)enable;
	return 0;
}

int pci_device_is_present(struct pci_dev *pdev)
{
	return bus_of(pdev) != NULL;
}

static int config_access(const struct pci_dev *dev, int where, int size, const char *api, struct fgft_bus_dev **out)
{
	struct fgft_bus_dev *b = own_dev((struct pci_dev *)(uintptr_t)dev, api);

	if (!b)
		return -EPERM;
	if (where < 0 || where + size > 256)
		return -EINVAL;
	*out = b;
	return 0;
}

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	struct fgft_bus_dev *b;
	int err = config_access(dev, where, 1, "pci_read_config_byte", &b);

	*val = err ? 0xff : b->config[where];
	return err;
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	struct fgft_bus_dev *b;
	int err = config_access(dev, where, 2, "pci_read_config_word", &b);

	*val = err ? 0xffff : (u16)(b->config[where] | b->config[where + 1] << 8);
	return err;
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	struct fgft_bus_dev *b;
	int err = config_access(dev, where, 4, "pci_read_config_dword", &b);

	*val = err ? 0xffffffffu :
		     (u32)b->config[where] | (u32)b->config[where + 1] << 8 | (u32)b->config[where + 2] << 16 |
			     (u32)b->config[where + 3] << 24;
	return err;
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	struct fgft_bus_dev *b;
	int err = config_access(dev, where, 1, "pci_write_config_byte", &b);

	if (!err && where >= 0x40) /* only the device-specific area is writable */
		b->config[where] = val;
	return err;
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	int err = pci_write_config_byte(dev, where, (u8)val);

	return err ? err : pci_write_config_byte(dev, where + 1, (u8)(val >> 8));
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	int err = pci_write_config_word(dev, where, (u16)val);

	return err ? err : pci_write_config_word(dev, where + 2, (u16)(val >> 16));
}

int fgft_pci_set_dma_mask(struct pci_dev *pdev, u64 mask);
int fgft_pci_set_dma_mask(struct pci_dev *pdev, u64 mask)
{
	struct fgft_bus_dev *b = own_dev(pdev, "dma_set_mask");

	if (!b)
		return -EPERM;
	b->dma_mask = mask;
	pdev->dma_mask = mask;
	return 0;
}

int fgft_pci_bound_count(void);
int fgft_pci_bound_count(void)
{
	int i, n = 0;

	for (i = 0; i < bus_count; i++)
		n += bus[i]->pdev.driver != NULL;
	return n;
}
