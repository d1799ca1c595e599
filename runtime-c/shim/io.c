/* MMIO: ioremap hands out a reserved, inaccessible address range (a stray dereference faults like a bad
 * pointer would); readl/writel find the mapping, check that the caller owns it, and reach the device model. */
#include <stdlib.h>
#include <sys/mman.h>
#include <linux/io.h>
#include "internal.h"

#define MAX_IOMAPS 32

struct iomap {
	u8 *base;
	size_t len;
	struct fgft_bus_dev *bdev;
	u32 bar_offset;
	struct fgft_owner *owner;
};

static struct iomap maps[MAX_IOMAPS];
static int map_count;
static unsigned long port_reads, port_writes;

void fgft_io_reset(void)
{
	int i;

	for (i = 0; i < map_count; i++)
		munmap(maps[i].base, maps[i].len);
	map_count = 0;
	port_reads = port_writes = 0;
}

void __iomem *ioremap(phys_addr_t offset, size_t size)
{
	struct fgft_bus_dev *bdev;
	struct fgft_owner *cur = fgft_current_owner();
	u32 bar_offset;
	void *base;

	if (!fgft_policy_allow(FGFT_API_PCI, "ioremap"))
		return NULL;
	bdev = fgft_pci_find_bar(offset, size, &bar_offset);
	if (!bdev || size == 0 || map_count == MAX_IOMAPS) {
		fgft_log("ioremap(%#llx, %zu): no device memory there\n", (unsigned long long)offset, size);
		return NULL;
	}
	if (cur && cur->pci_dev && fgft_bus_dev_owner(bdev) != cur) {
		fgft_policy_deny(FGFT_DENY_DEVICE, "ioremap of %#llx: registers of another device",
				 (unsigned long long)offset);
		return NULL;
	}
	base = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	maps[map_count++] = (struct iomap){ .base = base, .len = size, .bdev = bdev, .bar_offset = bar_offset,
					   .owner = cur };
	fgft_track_add(FGFT_RES_IOMAP, base, size);
	return base;
}

void iounmap(volatile void __iomem *addr)
{
	int i;

	for (i = 0; i < map_count; i++) {
		if (maps[i].base == (const volatile u8 *)addr) {
			munmap(maps[i].base, maps[i].len);
			fgft_track_remove(FGFT_RES_IOMAP, maps[i].base);
			maps[i] = maps[--map_count];
			return;
		}
	}
	fgft_api_violation(FGFT_V_FOREIGN_FREE, "iounmap(%p): not an ioremap cookie", (const volatile void *)addr);
}

/* Find the mapping for an access and check the isolation policy; NULL if denied. */
static struct iomap *resolve(const volatile void *addr, unsigned int width, u32 *offset, const char *api)
{
	static struct iomap *last;
	const volatile u8 *a = addr;
	struct fgft_owner *cur = fgft_current_owner();
	struct iomap *m = NULL;
	int i;

	if (last && last < maps + map_count && a >= last->base && a + width <= last->base + last->len) {
		m = last;
	} else {
		for (i = 0; i < map_count; i++) {
			if (a >= maps[i].base && a + width <= maps[i].base + maps[i].len) {
				m = &maps[i];
				break;
			}
		}
	}
	if (!m) {
		fgft_policy_deny(FGFT_DENY_MMIO, "%s(%p): not inside any register range mapped by the driver", api,
				 (const volatile void *)addr);
		return NULL;
	}
	if (cur && m->owner && cur != m->owner) {
		fgft_policy_deny(FGFT_DENY_MMIO, "%s(%p): registers of %s", api, (const volatile void *)addr,
				 m->owner->name);
		return NULL;
	}
	if (cur && cur->policy && !(cur->policy->grants & FGFT_GRANT(FGFT_API_MMIO)) &&
	    !fgft_policy_allow(FGFT_API_MMIO, api))
		return NULL;
	last = m;
	*offset = m->bar_offset + (u32)(a - m->base);
	return m;
}

static u32 read32(const volatile void *addr, unsigned int width, const char *api, unsigned int *shift)
{
	u32 off, v;
	struct iomap *m = resolve(addr, width, &off, api);

	*shift = 0;
	if (!m)
		return 0xffffffffu; /* what a read from nowhere returns on PCI */
	fgft_bus_dev_read_bar(m->bdev, off & ~3u, &v);
	*shift = (off & 3u) * 8;
	return v;
}

u32 readl(const volatile void __iomem *addr)
{
	unsigned int shift;

	return read32(addr, 4, "readl", &shift);
}

u16 readw(const volatile void __iomem *addr)
{
	unsigned int shift;
	u32 v = read32(addr, 2, "readw", &shift);

	return (u16)(v >> shift);
}

u8 readb(const volatile void __iomem *addr)
{
	unsigned int shift;
	u32 v = read32(addr, 1, "readb", &shift);

	return (u8)(v >> shift);
}

u64 readq(const volatile void __iomem *addr)
{
	const volatile u8 *a = addr;

	return (u64)readl(a) | (u64)readl(a + 4) << 32;
}

static void write_sub(volatile void *addr, u32 value, unsigned int width, const char *api)
{
	u32 off, old, mask;
	struct iomap *m = resolve(addr, width, &off, api);

	if (!m)
		return;
	if (width == 4) {
		fgft_bus_dev_write_bar(m->bdev, off, value);
		return;
	}
	mask = (width == 2 ? 0xffffu : 0xffu) << ((off & 3u) * 8);
	fgft_bus_dev_read_bar(m->bdev, off & ~3u, &old);
	fgft_bus_dev_write_bar(m->bdev, off & ~3u, (old & ~mask) | ((value << ((off & 3u) * 8)) & mask));
}

void writel(u32 value, volatile void __iomem *addr) { write_sub(addr, value, 4, "writel"); }
void writew(u16 value, volatile void __iomem *addr) { write_sub(addr, value, 2, "writew"); }
void writeb(u8 value, volatile void __iomem *addr) { write_sub(addr, value, 1, "writeb"); }

void writeq(u64 value, volatile void __iomem *addr)
{
	volatile u8 *a = addr;

	writel((u32)value, a);
	writel((u32)(value >> 32), a + 4);
}

void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count)
{
	const volatile u8 *f = from;
	u8 *t = to;
	size_t i;

	for (i = 0; i < count; i++)
		t[i] = readb(f + i);
}

void memcpy_toio(volatile void __iomem *to, const void *from, size_t count)
{
	volatile u8 *t = to;
	const u8 *f = from;
	size_t i;

	for (i = 0; i < count; i++)
		writeb(f[i], t + i);
}

/* Port I/O: there are no I/O BARs on this machine; the calls exist so the policy can deny them. */
static int port_allowed(const char *api, unsigned long port)
{
	(void)port;
	return fgft_policy_allow(FGFT_API_PORTIO, api);
}

u8 inb(unsigned long port) { port_reads += port_allowed("inb", port); return 0xff; }
u16 inw(unsigned long port) { port_reads += port_allowed("inw", port); return 0xffff; }
u32 inl(unsigned long port) { port_reads += port_allowed("inl", port); return 0xffffffffu; }
void outb(u8 value, unsigned long port) { (void)value; port_writes += port_allowed("outb", port); }
void outw(u16 value, unsigned long port) { (void)value; port_writes += port_allowed("outw", port); }
void outl(u32 value, unsigned long port) { (void)value; port_writes += port_allowed("outl", port); }
