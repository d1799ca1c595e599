/* Local interrupt disabling: interrupts are delivered only by the harness scheduler, never inside driver code,
 * so these only record the state (used for the sleeping-in-atomic-context check). */
#ifndef _FGFT_LINUX_IRQFLAGS_H
#define _FGFT_LINUX_IRQFLAGS_H

unsigned long fgft_local_irq_save(void);
void local_irq_restore(unsigned long flags);
void local_irq_disable(void);
void local_irq_enable(void);
int irqs_disabled(void);

#define local_irq_save(flags) do { (flags) = fgft_local_irq_save(); } while (0)

#endif
