/**
 * offbyone: a bound is off by one.
 *
 *   before: for (i = 0; i < n; i++)        kmalloc(len, GFP_KERNEL);   memcpy(d, s, len);
 *   after:  for (i = 0; i <= n; i++)       kmalloc((len) - 1, GFP_KERNEL);   memcpy(d, s, (len) + 1);
 *
 * Sites: every relational operator (`<` <-> `<=`, `>` <-> `>=`), and the size
 * argument of copy and allocation calls (`n` -> `n+1` or `n-1`, chosen by the seed).
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { callArguments, calleeName, nodesOfType } from '../syntax.js';
import { replaceNode } from './common.js';
import { COPY_LENGTH_ARG } from './scanoverrun.js';

const FLIP: Readonly<Record<string, string>> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>' };

/** Allocation calls and the index of their size argument. */
export const ALLOC_SIZE_ARG: Readonly<Record<string, number>> = {
  kmalloc: 0,
  kzalloc: 0,
  vmalloc: 0,
  vzalloc: 0,
  malloc: 0,
  kvmalloc: 0,
  kvzalloc: 0,
  devm_kzalloc: 1,
  devm_kmalloc: 1,
  dma_alloc_coherent: 1,
  alloc_skb: 0,
  dev_alloc_skb: 0,
  netdev_alloc_skb: 1,
  netdev_alloc_skb_ip_align: 1,
};

export const offbyone: FaultOperator = {
  name: 'offbyone',
  description: 'a comparison or a size is off by one (< <-> <=, > <-> >=, n -> n+-1)',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const bin of nodesOfType(fn.node, 'binary_expression')) {
      const op = bin.childForFieldName('operator');
      const flipped = op ? FLIP[op.type] : undefined;
      if (!op || !flipped) continue;
      sites.push({
        start: bin.startIndex,
        end: bin.endIndex,
        kind: 'expr',
        mutate: () => [{ start: op.startIndex, end: op.endIndex, text: flipped }],
      });
    }
    for (const call of nodesOfType(fn.node, 'call_expression')) {
      const name = calleeName(call);
      if (name === undefined) continue;
      const index = COPY_LENGTH_ARG[name] ?? ALLOC_SIZE_ARG[name];
      const size = index === undefined ? undefined : callArguments(call)[index];
      if (size) sites.push(replaceNode(size, text, 'expr', (orig, rng) => `(${orig}) ${rng.below(2) === 0 ? '+' : '-'} 1`));
    }
    return sites;
  },
};
