/**
 * badptr: a pointer is corrupted when it is used, by an offset or a bit flip (seeded).
 *
 *   before: adapter->stats.rx++;
 *   after:  ((__typeof__(&*(adapter)))((char *)(adapter) + (4096)))->stats.rx++;
 *      or:  ((__typeof__(&*(adapter)))((unsigned long)(adapter) ^ ((unsigned long)1 << 37)))->stats.rx++;
 *
 * Sites: the pointer of every `p->f`, `*p` and `p[i]`, as for nullptr.
 */
import type { FaultOperator } from '../site.js';
import { flipPointerBit, offsetPointer } from '../mutations.js';
import { replaceNode } from './common.js';
import { pointerUses } from './pointer-uses.js';

/** Offsets in bytes: a misaligned byte, a neighbouring field, a neighbouring object, another page. */
const OFFSETS = [1, 8, -8, 64, -64, 4096, -4096, 1 << 20];

export const badptr: FaultOperator = {
  name: 'badptr',
  description: 'a pointer is corrupted when it is used (offset or address bit flip)',
  findSites(fn, text) {
    return pointerUses(fn).map((base) =>
      replaceNode(base, text, 'expr', (orig, rng) =>
        rng.below(2) === 0 ? offsetPointer(orig, OFFSETS[rng.below(OFFSETS.length)]) : flipPointerBit(orig, rng.between(3, 46)),
      ),
    );
  },
};
