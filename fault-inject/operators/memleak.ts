/**
 * memleak: a free is skipped.
 *
 *   before: dev_kfree_skb_any(skb);
 *   after:  ((void)(skb));
 *
 * Sites: call statements of kfree, vfree, kmem_cache_free, dma_free_coherent, dev_kfree_skb*,
 * free_netdev, iounmap, free (see kernel-calls.ts).
 */
import type { FaultOperator } from '../site.js';
import { skippedCallSites } from './drop-call.js';
import { FREE_CALLS } from './kernel-calls.js';

export const memleak: FaultOperator = {
  name: 'memleak',
  description: 'a free is skipped (kfree, dev_kfree_skb*, dma_free_coherent, ...)',
  findSites(fn, text) {
    return skippedCallSites(fn.node, text, (name) => FREE_CALLS.has(name));
  },
};
