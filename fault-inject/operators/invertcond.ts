/**
 * invertcond: a branch condition is inverted.
 *
 *   before: if (netif_running(netdev)) e1000_up(adapter);
 *   after:  if (!(netif_running(netdev))) e1000_up(adapter);
 *
 * Sites: the conditions of if, while, do-while, for (when present) and `?:`, unless constant.
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { isConstantExpression, nodesOfType, unparenthesize } from '../syntax.js';
import { editNode } from './common.js';

export const invertcond: FaultOperator = {
  name: 'invertcond',
  description: 'a branch condition is inverted (if, while, do, for, ?:)',
  findSites(fn) {
    const sites: SiteCandidate[] = [];
    const owners = nodesOfType(fn.node, 'if_statement', 'while_statement', 'do_statement', 'for_statement', 'conditional_expression');
    for (const owner of owners) {
      const raw = owner.childForFieldName('condition');
      if (!raw) continue;
      const cond = unparenthesize(raw);
      if (isConstantExpression(cond)) continue; // e.g. DMA_BIT_MASK's ((n) == 64): no branch in the driver
      sites.push(
        editNode(cond, 'cond', () => [
          { start: cond.startIndex, end: cond.startIndex, text: '!(' },
          { start: cond.endIndex, end: cond.endIndex, text: ')' },
        ]),
      );
    }
    return sites;
  },
};
