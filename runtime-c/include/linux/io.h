/* linux/io.h: MMIO accessors are calls into the shim, which routes them to the device model (never a deref). */
#ifndef _FGFT_LINUX_IO_H
#define _FGFT_LINUX_IO_H

#include <linux/types.h>
#include <asm/barrier.h>

u8 readb(const volatile void __iomem *addr);
u16 readw(const volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeb(u8 value, volatile void __iomem *addr);
void writew(u16 value, volatile void __iomem *addr);
void writel(u32 value, volatile void __iomem *addr);
void writeq(u64 value, volatile void __iomem *addr);

#define readl_relaxed readl
#define writel_relaxed writel
#define ioread8 readb
#define ioread16 readw
#define ioread32 readl
#define iowrite8(v, a) writeb(v, a)
#define iowrite16(v, a) writew(v, a)
#define iowrite32(v, a) writel(v, a)

/* Port I/O exists on the machine but is not granted to network drivers by the default policy. */
u8 inb(unsigned long port);
u16 inw(unsigned long port);
u32 inl(unsigned long port);
void outb(u8 value, unsigned long port);
void outw(u16 value, unsigned long port);
void outl(u32 value, unsigned long port);

void __iomem *ioremap(phys_addr_t offset, size_t size);
void iounmap(volatile void __iomem *addr);

void memcpy_fromio(void *to, const volatile void __iomem *from, size_t count);
void memcpy_toio(volatile void __iomem *to, const void *from, size_t count);


#endif
