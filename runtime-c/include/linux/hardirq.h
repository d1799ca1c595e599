/* Execution context of the simulated CPU, maintained by the shim around every call into the driver. */
#ifndef _FGFT_LINUX_HARDIRQ_H
#define _FGFT_LINUX_HARDIRQ_H

int in_interrupt(void);
int in_irq(void);
int in_hardirq(void);
int in_softirq(void);
int in_serving_softirq(void);
int in_atomic(void);
int in_task(void);
void local_bh_disable(void);
void local_bh_enable(void);

#endif
