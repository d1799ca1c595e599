/**
 * nullptr: a pointer is NULL when it is used.
 *
 *   before: len = adapter->rx_len;
 *   after:  len = (0 ? (adapter) : (__typeof__(&*(adapter)))0)->rx_len;
 *
 * Sites: the pointer of every `p->f`, `*p` and `p[i]` in the driver's functions.
 */
import type { FaultOperator } from '../site.js';
import { nullPointerLike } from '../mutations.js';
import { replaceNode } from './common.js';
import { pointerUses } from './pointer-uses.js';

export const nullptr: FaultOperator = {
  name: 'nullptr',
  description: 'a pointer is NULL when it is dereferenced (p->f, *p, p[i])',
  findSites(fn, text) {
    return pointerUses(fn).map((base) => replaceNode(base, text, 'expr', (orig) => nullPointerLike(orig)));
  },
};
