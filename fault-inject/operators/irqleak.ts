/**
 * irqleak: an interrupt-state restore is skipped.
 *
 *   before: spin_unlock_irqrestore(&adapter->tx_lock, flags);
 *   after:  ((void)(&adapter->tx_lock), (void)(flags));
 *
 * Sites: call statements of local_irq_restore/enable, *_irqrestore, *_unlock_irq, enable_irq,
 * local_bh_enable, spin_unlock_bh.
 */
import type { FaultOperator } from '../site.js';
import { skippedCallSites } from './drop-call.js';
import { isIrqRestore } from './kernel-calls.js';

export const irqleak: FaultOperator = {
  name: 'irqleak',
  description: 'an irq restore is skipped (local_irq_restore, spin_unlock_irqrestore, enable_irq, ...)',
  findSites(fn, text) {
    return skippedCallSites(fn.node, text, isIrqRestore);
  },
};
