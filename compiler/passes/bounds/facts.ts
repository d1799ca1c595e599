// What the bounds passes know about a pointer-valued expression at one place.
import type { Annotation } from '../../../annotations/language.js';
import type { BoundExpr } from '../../../annotations/bound-expr.js';

/** The bound of a pointer expression, already rendered at the place of use. */
export type PtrBound =
  /** `count` elements may be accessed from the pointer itself: [p, p + count). */
  | { kind: 'count'; count: string; countExpr?: BoundExpr; countValue?: bigint }
  /** Accesses must stay in [lo, hi) (BND, __ended_by, inferred bounds of a local). */
  | { kind: 'range'; lo: string; hi: string }
  /** Nothing is known: no bound check is possible (and none is made). */
  | { kind: 'unknown' };

export interface PtrFacts {
  text: string; // C text of the pointer expression
  bound: PtrBound;
  nullable: boolean; // may be null (needs a null check before use)
  nt: boolean; // null-terminated
  ntKnown: string; // NTC(n): elements known readable before the terminator ('0' otherwise)
  safe: boolean; // SAFE (explicit or default): arithmetic is an error
  explicitSafe: boolean;
  isArray: boolean;
  /** Names the bound depends on, for dependent writes and the optimizer. */
  dependsOn: Set<string>;
  /** The annotation (or declaration) to point at in notes. */
  origin?: { annotation?: Annotation; declOffset: number; describe: string };
}

/** Facts of an ordinary (not NT, not SAFE, not an array) pointer: what most inference rules produce. */
export function pointerFacts(f: Pick<PtrFacts, 'text' | 'bound' | 'nullable' | 'dependsOn' | 'origin'>): PtrFacts {
  return { ...f, nt: false, ntKnown: '0', safe: false, explicitSafe: false, isArray: false };
}
