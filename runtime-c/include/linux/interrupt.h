/* linux/interrupt.h: IRQ lines raised by the device model, delivered by the harness scheduler (hardirq context). */
#ifndef _FGFT_LINUX_INTERRUPT_H
#define _FGFT_LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/irqflags.h>
#include <linux/irqreturn.h>
#include <linux/hardirq.h>

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x00000080
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_ONESHOT 0x00002000

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);

#endif
