// A check placed in the program: what it guarantees (Check) and where it goes.
import type Parser from 'tree-sitter';
import type { Check } from './checks.js';

export interface CheckSite {
  check: Check;
  /**
   * 'wrap': the call wraps the operand range and yields it;
   * 'comma': `(call, operand)`; 'statement': `call;` inserted at operand.start.
   */
  form: 'wrap' | 'comma' | 'statement';
  operand: { start: number; end: number };
  offset: number; // reported file:line
  node: Parser.SyntaxNode; // the access, for the optimizer's context
  /** Known integer facts, for the optimizer. */
  index?: { node?: Parser.SyntaxNode; value?: bigint; unsigned: boolean };
  count?: { value?: bigint; names: Set<string> };
  /** The object is an array of a size gcc knows (emit the *_fixed check variants, see checkPrelude). */
  fixedArray?: boolean;
  removedBy?: string;
}
