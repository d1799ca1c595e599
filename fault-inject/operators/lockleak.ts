/**
 * lockleak: an unlock is skipped.
 *
 *   before: spin_unlock(&adapter->stats_lock);
 *   after:  ((void)(&adapter->stats_lock));
 *
 * Sites: call statements of spin_unlock*, mutex_unlock, read/write_unlock*, up, up_read/up_write,
 * rtnl_unlock, pthread_mutex_unlock.
 */
import type { FaultOperator } from '../site.js';
import { skippedCallSites } from './drop-call.js';
import { isUnlock } from './kernel-calls.js';

export const lockleak: FaultOperator = {
  name: 'lockleak',
  description: 'an unlock is skipped (spin_unlock*, mutex_unlock, up, ...)',
  findSites(fn, text) {
    return skippedCallSites(fn.node, text, isUnlock);
  },
};
