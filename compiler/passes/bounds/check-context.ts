// What every check module works with: the unit, the resolver for the current
// function, and the two ways of reporting (a check site, or an error when a
// check must fail). Plus the small syntactic helpers the modules share.
import type Parser from 'tree-sitter';
import type { ParsedUnit } from '../../frontend/unit.js';
import type { PtrFacts } from './facts.js';
import type { Resolver } from './resolve.js';
import type { CheckSite } from './sites.js';

export interface CheckContext {
  unit: ParsedUnit;
  r: Resolver;
  /** `p + k` nodes already checked as part of `*(p + k)`. */
  handledArith: Set<number>;
  add(site: CheckSite): void;
  /** An error at `at`, with a note at the annotation (or declaration) behind `facts`. */
  error(at: number, message: string, rule: string, facts?: PtrFacts): void;
  /** Constant value and signedness of an index expression. */
  indexFacts(idx: Parser.SyntaxNode): { value?: bigint; unsigned: boolean };
}

/** `NULL`, `0`, `(void *)0` as written. */
export const NULL_TEXT = /^\(?\s*(NULL|0|\(\s*void\s*\*\s*\)\s*0|nullptr)\s*\)?$/;

export function identifierOfDeclarator(d: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  let n: Parser.SyntaxNode | null = d;
  while (n && n.type !== 'identifier') n = n.childForFieldName('declarator');
  return n ?? undefined;
}

/** Side-effect free, so its text may be evaluated again inside a check. */
export function isPure(n: Parser.SyntaxNode): boolean {
  switch (n.type) {
    case 'identifier':
    case 'number_literal':
    case 'string_literal':
    case 'char_literal':
    case 'sizeof_expression':
    case 'null':
    case 'true':
    case 'false':
      return true;
    case 'field_expression':
    case 'parenthesized_expression':
    case 'binary_expression':
    case 'subscript_expression':
    case 'cast_expression':
    case 'type_descriptor':
      return n.namedChildren.every((c) => c.type === 'field_identifier' || c.type === 'type_descriptor' || isPure(c));
    case 'pointer_expression':
    case 'unary_expression':
      return n.namedChildren.every(isPure);
    default:
      return false;
  }
}
