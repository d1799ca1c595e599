/**
 * infloop: a loop never ends (its condition is evaluated, then taken as true).
 * The "true" is a volatile read, so the optimiser can neither assume the loop
 * ends (C11 6.8.5p6) nor drop its body: the body really runs on and on, in a
 * single-fault build as in one-build mode.
 *
 *   before: while (i < E1000_MAX_WAIT) { ... }
 *   after:  while (({ volatile int __fgft_forever = 1; (void)(i < E1000_MAX_WAIT); __fgft_forever; })) { ... }
 *
 * Sites: the conditions of while, do-while and for loops (not constant ones like `while (1)`).
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { isConstantExpression, nodesOfType, unparenthesize } from '../syntax.js';
import { replaceNode } from './common.js';

export const infloop: FaultOperator = {
  name: 'infloop',
  description: 'a loop never ends (its condition is always true)',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const loop of nodesOfType(fn.node, 'while_statement', 'do_statement', 'for_statement')) {
      const raw = loop.childForFieldName('condition');
      if (!raw) continue;
      const cond = unparenthesize(raw);
      if (isConstantExpression(cond) || cond.type === 'true') continue;
      sites.push(replaceNode(cond, text, 'cond', (orig) => `({ volatile int __fgft_forever = 1; (void)(${orig}); __fgft_forever; })`));
    }
    return sites;
  },
};
