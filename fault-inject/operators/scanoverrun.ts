/**
 * scanoverrun: a loop or a copy runs past its end.
 *
 * The overrun is drawn as SafeDrive's and the Nooks injector drew it
 * (+1 with p=0.5, +2..1024 with p=0.44, +2048..4096 with p=0.06), from the seed.
 *
 *   before: for (i = 0; i < n; i++) buf[i] = 0;     memcpy(dst, src, len);
 *   after:  for (i = 0; i < ((n) + 37); i++) buf[i] = 0;   memcpy(dst, src, ((len) + 1));
 *
 * Sites: the bound of a `<`, `<=` or `!=` loop condition (the left side of `>`, `>=`),
 * and the length argument of memcpy/memmove/memset/strncpy/copy_{to,from}_user-like calls.
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { drawOverrun } from '../overrun.js';
import { callArguments, calleeName, nodesOfType, unparenthesize } from '../syntax.js';
import { addToNode } from './common.js';

/** Copy-like calls and the index of their length argument. */
export const COPY_LENGTH_ARG: Readonly<Record<string, number>> = {
  memcpy: 2,
  memmove: 2,
  memset: 2,
  memcmp: 2,
  strncpy: 2,
  strlcpy: 2,
  strncat: 2,
  memcpy_toio: 2,
  memcpy_fromio: 2,
  memset_io: 2,
  copy_to_user: 2,
  copy_from_user: 2,
  __builtin_memcpy: 2,
  __builtin_memset: 2,
  __builtin_memmove: 2,
};

export const scanoverrun: FaultOperator = {
  name: 'scanoverrun',
  description: 'a loop or a copy runs past its end (overrun +1 p=.5, +2..1024 p=.44, +2048..4096 p=.06)',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const loop of nodesOfType(fn.node, 'for_statement', 'while_statement', 'do_statement')) {
      const raw = loop.childForFieldName('condition');
      if (!raw) continue;
      const cond = unparenthesize(raw);
      if (cond.type !== 'binary_expression') continue;
      const op = cond.childForFieldName('operator')?.type;
      const bound = op === '<' || op === '<=' || op === '!=' ? cond.childForFieldName('right')
        : op === '>' || op === '>=' ? cond.childForFieldName('left') : null;
      if (bound) sites.push(addToNode(bound, text, drawOverrun));
    }
    for (const call of nodesOfType(fn.node, 'call_expression')) {
      const name = calleeName(call);
      const index = name === undefined ? undefined : COPY_LENGTH_ARG[name];
      if (index === undefined) continue;
      const len = callArguments(call)[index];
      if (len) sites.push(addToNode(len, text, drawOverrun));
    }
    return sites;
  },
};
