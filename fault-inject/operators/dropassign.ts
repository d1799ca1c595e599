/**
 * dropassign: an assignment is removed (its right-hand side is still evaluated).
 *
 *   before: adapter->rx_buffer_len = max_frame;
 *   after:  ((void)(max_frame));
 *
 * Sites: assignments that are whole expression statements.
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { evaluateOnly } from '../mutations.js';
import { nodesOfType } from '../syntax.js';

export const dropassign: FaultOperator = {
  name: 'dropassign',
  description: 'an assignment statement is removed',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const assign of nodesOfType(fn.node, 'assignment_expression')) {
      if (assign.parent?.type !== 'expression_statement') continue;
      const right = assign.childForFieldName('right');
      if (!right) continue;
      const rhs = text.slice(right.startIndex, right.endIndex);
      const { startIndex: start, endIndex: end } = assign;
      sites.push({ start, end, kind: 'void', mutate: () => [{ start, end, text: evaluateOnly([rhs]) }] });
    }
    return sites;
  },
};
