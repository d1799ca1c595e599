/**
 * doublefree: an object is freed twice.
 *
 *   before: kfree(adapter->tx_ring);
 *   after:  (kfree(adapter->tx_ring), kfree(adapter->tx_ring));
 *
 * Sites: call statements of the free family (see kernel-calls.ts).
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { calleeName, isExpressionStatementCall, nodesOfType } from '../syntax.js';
import { replaceNode } from './common.js';
import { FREE_CALLS } from './kernel-calls.js';

export const doublefree: FaultOperator = {
  name: 'doublefree',
  description: 'an object is freed twice (kfree, dev_kfree_skb*, free, ...)',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const call of nodesOfType(fn.node, 'call_expression')) {
      if (!FREE_CALLS.has(calleeName(call) ?? '') || !isExpressionStatementCall(call)) continue;
      sites.push(replaceNode(call, text, 'void', (orig) => `(${orig}, ${orig})`));
    }
    return sites;
  },
};
