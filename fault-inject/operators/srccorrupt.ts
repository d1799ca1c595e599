/**
 * srccorrupt: the value stored by an assignment is corrupted (one bit flipped, seeded).
 *
 *   before: tx_ring->next_to_use = i;
 *   after:  tx_ring->next_to_use = ({ __typeof__(0 ? (tx_ring->next_to_use) : (tx_ring->next_to_use)) __fgft_v = (i);
 *                                    ((unsigned char *)&__fgft_v)[0 % sizeof(__fgft_v)] ^= (unsigned char)4; __fgft_v; });
 *
 * Sites: the right-hand side of every assignment (`=` and compound assignments).
 */
import type { FaultOperator } from '../site.js';
import { drawBitFlip, flipBit } from '../mutations.js';
import { nodesOfType } from '../syntax.js';
import { replaceNode } from './common.js';

export const srccorrupt: FaultOperator = {
  name: 'srccorrupt',
  description: 'the source value of an assignment is corrupted (a bit flip)',
  findSites(fn, text) {
    const out = [];
    for (const assign of nodesOfType(fn.node, 'assignment_expression')) {
      const left = assign.childForFieldName('left');
      const right = assign.childForFieldName('right');
      if (!left || !right) continue;
      // For `=` the copy gets the target's type (so `p = 0` stays a pointer); compound ops keep the operand's.
      const plain = assign.childForFieldName('operator')?.type === '=';
      const typeOf = plain ? text.slice(left.startIndex, left.endIndex) : text.slice(right.startIndex, right.endIndex);
      out.push(
        replaceNode(right, text, 'expr', (orig, rng) => {
          const { byte, bit } = drawBitFlip(rng);
          return flipBit(orig, typeOf, byte, bit);
        }),
      );
    }
    return out;
  },
};
