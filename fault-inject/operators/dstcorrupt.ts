/**
 * dstcorrupt: the target of an assignment is corrupted: the store lands in the neighbour.
 *
 *   before: ring->buffer_info[i].skb = skb;      *reg = val;          adapter->flags = 0;
 *   after:  ring->buffer_info[((i) + 1)].skb = skb;   *((reg) + 1) = val;   ((adapter) + 1)->flags = 0;
 *
 * Sites: assignments whose target is `p->f`, `a[i]` or `*p` (a plain variable has no neighbour to hit).
 * The distance is one element with p=0.5, else 2..16 elements (seeded).
 */
import type Parser from 'tree-sitter';
import type { Rng } from '../prng.js';
import type { FaultOperator, SiteCandidate } from '../site.js';
import { nodesOfType, unparenthesize } from '../syntax.js';
import { addToNode } from './common.js';

function distance(rng: Rng): number {
  return rng.below(2) === 0 ? 1 : rng.between(2, 16);
}

/** The sub-expression whose change redirects the store, or null. */
function redirectable(target: Parser.SyntaxNode): Parser.SyntaxNode | null {
  let t = unparenthesize(target);
  // a.b.c = x: the container decides where the store lands
  while (t.type === 'field_expression' && t.childForFieldName('operator')?.type === '.') {
    const inner = t.childForFieldName('argument');
    if (!inner) return null;
    t = unparenthesize(inner);
  }
  if (t.type === 'subscript_expression') return t.childForFieldName('index');
  if (t.type === 'field_expression' || t.type === 'pointer_expression') {
    const op = t.childForFieldName('operator')?.type;
    if (op === '->' || op === '*') return t.childForFieldName('argument');
  }
  return null;
}

export const dstcorrupt: FaultOperator = {
  name: 'dstcorrupt',
  description: 'the target of an assignment is corrupted (the store hits a neighbouring element)',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const assign of nodesOfType(fn.node, 'assignment_expression')) {
      const left = assign.childForFieldName('left');
      const hit = left ? redirectable(left) : null;
      if (hit) sites.push(addToNode(hit, text, distance));
    }
    return sites;
  },
};
