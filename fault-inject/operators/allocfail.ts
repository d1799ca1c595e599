/**
 * allocfail: an allocation returns NULL (the allocator is not called).
 *
 *   before: skb = netdev_alloc_skb(netdev, bufsz);
 *   after:  skb = (0 ? (netdev_alloc_skb(netdev, bufsz)) : (__typeof__(netdev_alloc_skb(netdev, bufsz)))0);
 *
 * Sites: calls of kernel (and libc) allocators: kmalloc/kzalloc/vmalloc/dma_alloc_coherent/
 * alloc_skb/netdev_alloc_skb/ioremap/malloc... (see kernel-calls.ts).
 */
import type { FaultOperator } from '../site.js';
import { zeroResultOf } from '../mutations.js';
import { calleeName, nodesOfType } from '../syntax.js';
import { replaceNode } from './common.js';
import { ALLOC_CALLS } from './kernel-calls.js';

export const allocfail: FaultOperator = {
  name: 'allocfail',
  description: 'an allocation returns NULL (kmalloc, alloc_skb, dma_alloc_coherent, ioremap, malloc, ...)',
  findSites(fn, text) {
    return nodesOfType(fn.node, 'call_expression')
      .filter((call) => ALLOC_CALLS.has(calleeName(call) ?? ''))
      .map((call) => replaceNode(call, text, 'expr', (orig) => zeroResultOf(orig)));
  },
};
