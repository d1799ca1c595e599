/* The DMA API over a simulated IOMMU. Bus addresses come from a monotonic allocator and are never reused, so
 * the table tells a stale address (mapped once, since unmapped) from one that was never mapped. The device
 * model reaches memory only through fgft_dma_translate(), which enforces mapping bounds, direction and owner. */
#include <stdlib.h>
#include <string.h>
#include <linux/dma-mapping.h>
#include <linux/pci.h>
#include "internal.h"
#include "arena.h"

#define BUS_BASE 0x10000000ULL
#define BUS_LIMIT32 0xffffffffULL

struct dma_map {
	dma_addr_t bus;
	size_t len;
	void *cpu;
	int coherent;
	enum dma_data_direction dir;
	struct fgft_bus_dev *bdev;
	struct fgft_owner *owner;
};

static struct dma_map *table; /* sorted by bus address (allocation order) */
static size_t table_len, table_cap;
static dma_addr_t next_bus = BUS_BASE;
static unsigned long dma_faults;
/* Unmaps whose size or direction differ from the mapping's (what CONFIG_DMA_API_DEBUG warns about). */
static unsigned long unmap_mismatches;

int fgft_pci_set_dma_mask(struct pci_dev *pdev, u64 mask);

void fgft_dma_reset(void)
{
	size_t i;

	for (i = 0; i < table_len; i++)
		if (table[i].coherent)
			fgft_arena_free(table[i].cpu);
	table_len = 0;
	next_bus = BUS_BASE;
	dma_faults = 0;
	unmap_mismatches = 0;
}

unsigned long fgft_dma_faults(void) { return dma_faults; }
unsigned long fgft_dma_live_mappings(void) { return (unsigned long)table_len; }
unsigned long fgft_dma_unmap_mismatches(void) { return unmap_mismatches; }

static struct fgft_bus_dev *bus_dev_of(struct device *dev, const char *api)
{
	struct fgft_owner *cur = fgft_current_owner();

	if (!fgft_policy_allow(FGFT_API_DMA, api))
		return NULL;
	if (!dev || !dev->fgft) {
		fgft_api_violation(FGFT_V_BAD_ARGUMENT, "%s: device is not a DMA-capable bus device", api);
		return NULL;
	}
	if (cur && cur->pci_dev && fgft_bus_dev_owner(dev->fgft) != cur) {
		fgft_policy_deny(FGFT_DENY_DEVICE, "%s for %s, which belongs to another driver instance", api,
				 dev_name(dev));
		return NULL;
	}
	return dev->fgft;
}

static ssize_t find_index(dma_addr_t addr)
{
	size_t lo = 0, hi = table_len;

	while (lo < hi) { /* last entry with bus <= addr */
		size_t mid = (lo + hi) / 2;

		if (table[mid].bus <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ssize_t)lo - 1;
}

static dma_addr_t insert(struct fgft_bus_dev *bdev, void *cpu, size_t len, int coherent,
			 enum dma_data_direction dir)
{
	u64 mask = fgft_bus_dev_dma_mask(bdev);
	dma_addr_t bus = (next_bus + (coherent ? 4095 : 63)) & ~(dma_addr_t)(coherent ? 4095 : 63);

	if (bus + len - 1 > mask || (mask <= BUS_LIMIT32 && bus + len - 1 > BUS_LIMIT32)) {
		fgft_log("dma: bus address space below the device's DMA mask is exhausted\n");
		return DMA_MAPPING_ERROR;
	}
	if (table_len == table_cap) {
		table_cap = table_cap ? table_cap * 2 : 256;
		table = realloc(table, table_cap * sizeof(*table));
		if (!table)
			abort();
	}
	table[table_len++] = (struct dma_map){ .bus = bus, .len = len, .cpu = cpu, .coherent = coherent,
					       .dir = dir, .bdev = bdev, .owner = fgft_current_owner() };
	next_bus = bus + (len ? len : 1);
	return bus;
}

static void remove_at(size_t i)
{
	memmove(&table[i], &table[i + 1], (table_len - i - 1) * sizeof(*table));
	table_len--;
}

static void report_bad_release(const char *api, dma_addr_t addr)
{
	if (addr >= BUS_BASE && addr < next_bus)
		fgft_api_violation(FGFT_V_DOUBLE_FREE, "%s(%#llx): mapping already released", api,
				   (unsigned long long)addr);
	else
		fgft_api_violation(FGFT_V_FOREIGN_FREE, "%s(%#llx): not a DMA handle", api, (unsigned long long)addr);
}

int dma_set_mask(struct device *dev, u64 mask)
{
	struct fgft_bus_dev *b = bus_dev_of(dev, "dma_set_mask");

	if (!b)
		return -EIO;
	if (mask < DMA_BIT_MASK(32))
		return -EIO;
	return fgft_pci_set_dma_mask(fgft_bus_pci_dev(b), mask);
}

int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (!bus_dev_of(dev, "dma_set_coherent_mask") || mask < DMA_BIT_MASK(32))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int err = dma_set_mask(dev, mask);

	return err ? err : dma_set_coherent_mask(dev, mask);
}

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	struct fgft_bus_dev *b = bus_dev_of(dev, "dma_alloc_coherent");
	void *cpu;
	dma_addr_t bus;

	if (!b)
		return NULL;
	if (!(gfp & (GFP_ATOMIC | GFP_NOWAIT)) && !fgft_check_may_sleep("dma_alloc_coherent"))
		return NULL;
	/* page-aligned driver memory, a guard page after its last page (arena.c) */
	cpu = size ? fgft_arena_alloc(size, 4096, FGFT_ARENA_AT_START | FGFT_ARENA_ZERO) : NULL;
	if (!cpu)
		return NULL;
	bus = insert(b, cpu, size, 1, DMA_BIDIRECTIONAL);
	if (bus == DMA_MAPPING_ERROR) {
		fgft_arena_free(cpu);
		return NULL;
	}
	*dma_handle = bus;
	fgft_track_add(FGFT_RES_DMA_COHERENT, cpu, (unsigned long)bus);
	return cpu;
}

void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	ssize_t i;

	(void)size;
	if (!bus_dev_of(dev, "dma_free_coherent"))
		return;
	i = find_index(dma_handle);
	if (i < 0 || table[i].bus != dma_handle || !table[i].coherent || table[i].cpu != cpu_addr) {
		report_bad_release("dma_free_coherent", dma_handle);
		return;
	}
	fgft_track_remove(FGFT_RES_DMA_COHERENT, cpu_addr);
	fgft_arena_free(table[i].cpu);
	remove_at((size_t)i);
}

dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size, enum dma_data_direction dir)
{
	struct fgft_bus_dev *b = bus_dev_of(dev, "dma_map_single");
	dma_addr_t bus;

	if (!b || !ptr || size == 0)
		return DMA_MAPPING_ERROR;
	bus = insert(b, ptr, size, 0, dir);
	if (bus != DMA_MAPPING_ERROR) {
		struct fgft_resource *r = fgft_track_add(FGFT_RES_DMA_MAP, (const void *)(uintptr_t)bus,
							 (unsigned long)(uintptr_t)ptr);

		/* What the compensation must unmap with (DMA-API debugging checks both). */
		r->len = size;
		r->dir = dir;
	}
	return bus;
}

void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir)
{
	ssize_t i;

	if (!bus_dev_of(dev, "dma_unmap_single"))
		return;
	i = find_index(addr);
	if (i < 0 || table[i].bus != addr || table[i].coherent) {
		report_bad_release("dma_unmap_single", addr);
		return;
	}
	if (table[i].len != size || table[i].dir != dir) {
		unmap_mismatches++;
		fgft_log("dma: unmap of %#llx with size %zu, direction %d; mapped with %zu, %d\n",
			 (unsigned long long)addr, size, (int)dir, table[i].len, (int)table[i].dir);
	}
	fgft_track_remove(FGFT_RES_DMA_MAP, (const void *)(uintptr_t)addr);
	remove_at((size_t)i);
}

int dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	(void)dev;
	return dma_addr == DMA_MAPPING_ERROR;
}

void dma_sync_single_for_cpu(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir)
{
	(void)dev; (void)addr; (void)size; (void)dir;
}

void dma_sync_single_for_device(struct device *dev, dma_addr_t addr, size_t size, enum dma_data_direction dir)
{
	(void)dev; (void)addr; (void)size; (void)dir;
}

int fgft_pci_bus_master(const struct fgft_bus_dev *bdev);

void *fgft_dma_translate(struct fgft_bus_dev *bdev, dma_addr_t addr, size_t len, int write)
{
	ssize_t i = find_index(addr);
	struct dma_map *m = i >= 0 ? &table[i] : NULL;
	const char *why = NULL;

	if (!fgft_pci_bus_master(bdev))
		why = "bus mastering is off";
	else if (!m || addr + len > m->bus + m->len)
		why = (addr >= BUS_BASE && addr < next_bus) ? "stale address (mapping was released)" :
							      "address was never mapped";
	else if (m->bdev != bdev || (fgft_bus_dev_owner(bdev) && m->owner != fgft_bus_dev_owner(bdev)))
		why = "buffer of another driver instance";
	else if (!m->coherent && ((write && m->dir == DMA_TO_DEVICE) || (!write && m->dir == DMA_FROM_DEVICE)))
		why = "mapping direction forbids it";
	if (why) {
		dma_faults++;
		if (m && addr + len <= m->bus + m->len && m->bdev != bdev) {
			/* charged to the driver instance that programmed the device */
			struct fgft_owner *saved = fgft_set_current_owner(fgft_bus_dev_owner(bdev));

			fgft_policy_deny(FGFT_DENY_DMA, "device DMA %s %#llx: %s", write ? "write to" : "read from",
					 (unsigned long long)addr, why);
			fgft_set_current_owner(saved);
		} else
			fgft_log("iommu: blocked device DMA %s %#llx+%zu: %s\n", write ? "write to" : "read from",
				 (unsigned long long)addr, len, why);
		return NULL;
	}
	return (u8 *)m->cpu + (addr - m->bus);
}
