/**
 * badparam: an argument to a kernel call is corrupted (one bit flipped, seeded).
 *
 *   before: writel(val, hw->hw_addr + reg);
 *   after:  writel(({ __typeof__(0 ? (val) : (val)) __fgft_v = (val);
 *                    ((unsigned char *)&__fgft_v)[0 % sizeof(__fgft_v)] ^= (unsigned char)16; __fgft_v; }), hw->hw_addr + reg);
 *
 * Sites: each argument of a call to a function not defined in this file (a kernel or library call),
 * except string and character literals and a literal 0 (a null pointer constant must stay one).
 */
import type { FaultOperator, SiteCandidate } from '../site.js';
import { drawBitFlip, flipBit } from '../mutations.js';
import { callArguments, calleeName, definedFunctionNames, isRuntimeName, nodesOfType } from '../syntax.js';
import { replaceNode, rootOf } from './common.js';

const UNCORRUPTIBLE = new Set(['string_literal', 'concatenated_string', 'char_literal', 'compound_literal_expression', 'initializer_list']);

export const badparam: FaultOperator = {
  name: 'badparam',
  description: 'an argument to a kernel call is corrupted (a bit flip)',
  findSites(fn, text) {
    const local = definedFunctionNames(rootOf(fn.node));
    const sites: SiteCandidate[] = [];
    for (const call of nodesOfType(fn.node, 'call_expression')) {
      const name = calleeName(call);
      if (!name || local.has(name) || isRuntimeName(name)) continue;
      for (const arg of callArguments(call)) {
        if (UNCORRUPTIBLE.has(arg.type) || /^\(*\s*0\s*\)*$/.test(arg.text)) continue;
        sites.push(
          replaceNode(arg, text, 'expr', (orig, rng) => {
            const { byte, bit } = drawBitFlip(rng);
            return flipBit(orig, orig, byte, bit);
          }),
        );
      }
    }
    return sites;
  },
};
