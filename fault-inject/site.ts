// What a fault operator is and what it finds. An operator looks at the syntax
// tree of the driver's own functions and returns candidate sites; a site knows
// how to mutate itself as a small list of edits inside its own byte range.
import type Parser from 'tree-sitter';
import type { FunctionDefinitionInfo, LineMap } from '../compiler/frontend/unit.js';
import type { Rng } from './prng.js';

/** The part of a parsed unit the injector needs (a ParsedUnit satisfies it). */
export interface FaultUnit {
  text: string; // latin1, the text edits are applied to
  tree: Parser.Tree; // parsed from a same-length text (parseText)
  functions: readonly FunctionDefinitionInfo[];
  lineMap: Pick<LineMap, 'locate'>;
}

/** An edit inside a site's range: replace [start, end) with text (start === end inserts). */
export interface SubEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * How the site's range can be switched at run time in one-build mode:
 * - 'expr': an expression; both variants are stored in a temporary of the
 *   mutated expression's type, so the two sides never meet in a `?:` (whose
 *   usual conversions would warn or change values)
 * - 'cond': a controlling expression (if/while/for/?: condition), only its
 *   truth matters: `(active ? !!(mutated) : !!(original))`
 * - 'void': an expression whose value is discarded (an expression statement):
 *   `(active ? (void)(mutated) : (void)(original))`
 */
export type SiteKind = 'expr' | 'cond' | 'void';

/** A place an operator can inject, as the operator found it. */
export interface SiteCandidate {
  start: number;
  end: number;
  kind: SiteKind;
  /** The mutation, as edits inside [start, end). `rng` gives the site its parameters (overrun size, bit, ...). */
  mutate(rng: Rng): SubEdit[];
  /**
   * For mutations that add a positive amount to the expression (`(n) + k`):
   * the amount. One-build mode then adds `(active ? k : 0)`, which keeps a
   * non-negative constant bound provably non-negative (no -Wsign-compare).
   */
  addend?: (rng: Rng) => number;
}

export interface FaultOperator {
  name: string;
  description: string;
  /** Candidate sites inside one function body (already known to be the driver's own, parse-clean code). */
  findSites(fn: FunctionDefinitionInfo, text: string): SiteCandidate[];
}

/** A candidate with its stable identity. */
export interface FaultSite extends SiteCandidate {
  /** `function:line:col:operator#n`, stable while the function's code does not move. */
  id: string;
  operator: string;
  function: string;
  file: string;
  line: number;
  column: number;
}

/** One injection as reported in stats and on stderr. */
export interface InjectionRecord {
  id: string;
  operator: string;
  function: string;
  file: string;
  line: number;
  column: number;
  before: string;
  after: string;
}
