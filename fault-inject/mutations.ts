// C text builders shared by operators. Every builder keeps the types of the
// original expression (via __typeof__) so the mutated program still compiles,
// and mentions the original expression in an unevaluated or dead operand so no
// variable becomes "set but not used".
import type { Rng } from './prng.js';

/** A null pointer of the type `e` has after decay: `*E` and `E->f` still compile. */
export function nullPointerLike(e: string): string {
  return `(0 ? (${e}) : (__typeof__(&*(${e})))0)`;
}

/** Zero of the call's type without making the call (the allocator "returns NULL"). */
export function zeroResultOf(call: string): string {
  return `(0 ? (${call}) : (__typeof__(${call}))0)`;
}

/** `e` with one bit flipped; works for any scalar or struct type (a byte of a copy is flipped). */
export function flipBit(e: string, typeOf: string, byte: number, bit: number): string {
  return (
    `({ __typeof__(0 ? (${typeOf}) : (${typeOf})) __fgft_v = (${e}); ` +
    `((unsigned char *)&__fgft_v)[${byte} % sizeof(__fgft_v)] ^= (unsigned char)${1 << bit}; __fgft_v; })`
  );
}

/** Random corruption parameters for flipBit: low bytes are more likely (values are mostly small). */
export function drawBitFlip(rng: Rng): { byte: number; bit: number } {
  const byte = rng.below(4) === 0 ? rng.below(8) : 0;
  return { byte, bit: rng.below(8) };
}

/** Evaluate the arguments for their side effects and do nothing else (a dropped call). */
export function evaluateOnly(args: string[]): string {
  return args.length === 0 ? '((void)0)' : `(${args.map((a) => `(void)(${a})`).join(', ')})`;
}

/** A pointer moved by `delta` bytes, keeping its type. */
export function offsetPointer(e: string, delta: number): string {
  return `((__typeof__(&*(${e})))((char *)(${e}) + (${delta})))`;
}

/** A pointer with one address bit flipped, keeping its type. */
export function flipPointerBit(e: string, bit: number): string {
  return `((__typeof__(&*(${e})))((unsigned long)(${e}) ^ ((unsigned long)1 << ${bit})))`;
}
