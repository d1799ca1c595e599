// Pointer expressions whose pointer is not the whole operand: additive chains
// (`b + k + j`, `k + b`, `b - k`) and GNU statement expressions `({ ...; e; })`.
// Each is turned into a base pointer and an element offset (IndexOperand) so the
// access checks see `b[offset]` and check it once, without evaluating anything twice.
import type Parser from 'tree-sitter';
import { type CheckContext, isPure } from './check-context.js';
import type { PtrFacts } from './facts.js';

/** The offset an access adds to its base pointer, and where its check goes. */
export interface IndexOperand {
  text: string; // C text of the offset, in elements
  node?: Parser.SyntaxNode; // the offset when it is one node of the source (the optimizer reasons about it)
  /** 'wrap': the check wraps `range` (the offset's own text) and yields it; 'comma': `(check, <range>)`. */
  form: 'wrap' | 'comma';
  range: { start: number; end: number };
  value?: bigint;
  unsigned: boolean;
}

interface Term {
  node: Parser.SyntaxNode;
  sign: 1 | -1;
}

export interface AdditiveShape {
  root: Parser.SyntaxNode; // the whole chain
  base: Parser.SyntaxNode; // its one pointer term
  facts: PtrFacts;
  terms: Term[]; // the integer terms, in source order
  binaries: Parser.SyntaxNode[]; // the chain's own `+`/`-` nodes (checked here, not again as arithmetic)
}

/** Through parentheses, but not into a statement expression or a TC(e) / NTDROP(e) group. */
function unwrapIn(c: CheckContext, n: Parser.SyntaxNode): Parser.SyntaxNode {
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1 && n.namedChild(0)!.type !== 'compound_statement' && !c.r.isTrustedGroup(n)) n = n.namedChild(0)!;
  return n;
}

function isAdditive(n: Parser.SyntaxNode): boolean {
  const op = n.type === 'binary_expression' ? n.childForFieldName('operator')?.text : undefined;
  return op === '+' || op === '-';
}

/** Terms of a `+`/`-` chain; through parentheses only when `deep` (`b + (k - j)`). */
function flatten(c: CheckContext, n: Parser.SyntaxNode, sign: 1 | -1, deep: boolean, terms: Term[], binaries: Parser.SyntaxNode[]): void {
  const inner = deep ? unwrapIn(c, n) : n;
  if (!isAdditive(inner)) {
    terms.push({ node: n, sign });
    return;
  }
  binaries.push(inner);
  const minus = inner.childForFieldName('operator')?.text === '-';
  flatten(c, inner.childForFieldName('left')!, sign, deep, terms, binaries);
  flatten(c, inner.childForFieldName('right')!, minus ? (-sign as 1 | -1) : sign, deep, terms, binaries);
}

/** Could this term be a pointer? (Then the chain is not `pointer ± integers`.) */
function maybePointer(c: CheckContext, n: Parser.SyntaxNode): boolean {
  if (c.r.facts(n)) return true;
  const t = c.r.typeOf(unwrapIn(c, n));
  return t !== undefined && c.unit.symbols.isPointerType(t);
}

/** Certainly an integer: `p - q` of two pointers must not be read as `p + (-q)`. */
export function isIntegerExpr(c: CheckContext, n: Parser.SyntaxNode): boolean {
  switch (n.type) {
    case 'number_literal':
    case 'char_literal':
    case 'sizeof_expression':
    case 'alignof_expression':
    case 'offsetof_expression':
      return true;
    case 'parenthesized_expression':
      return n.namedChildCount === 1 && isIntegerExpr(c, n.namedChild(0)!);
    case 'identifier':
    case 'field_expression':
    case 'subscript_expression': {
      if (n.type === 'identifier' && c.unit.symbols.enumConstant(n.text)) return true;
      const type = c.r.typeOf(n);
      // Through typedefs: `typedef char *str;` makes `p - s` a difference of pointers.
      const t = type === undefined ? undefined : c.unit.symbols.expandType(type);
      return t !== undefined && !/[*[(]/.test(t) && !/\b(float|double|struct|union)\b/.test(t);
    }
    case 'cast_expression': {
      const t = n.childForFieldName('type');
      const type = t ? c.unit.symbols.expandType(c.r.text(t)) : undefined;
      return type !== undefined && !/[*[(]/.test(type) && !/\b(float|double|struct|union|void)\b/.test(type);
    }
    case 'unary_expression':
      return isIntegerExpr(c, n.namedChild(0)!);
    case 'binary_expression': {
      const op = n.childForFieldName('operator')?.text ?? '';
      if (['==', '!=', '<', '>', '<=', '>=', '&&', '||'].includes(op)) return true;
      return isIntegerExpr(c, n.childForFieldName('left')!) && isIntegerExpr(c, n.childForFieldName('right')!);
    }
    default:
      return false;
  }
}

/**
 * `pointer ± integers` with exactly one pointer term added (not subtracted);
 * undefined for a single term or for anything else (`p - q`, `b + f()` with b unknown).
 * Why: `*(b + k + j)`, `*(k + b)` and `b - k` used to get no check at all.
 */
export function additiveShape(c: CheckContext, n: Parser.SyntaxNode): AdditiveShape | undefined {
  const root = unwrapIn(c, n);
  if (!isAdditive(root)) return undefined;
  for (const deep of [false, true]) {
    const terms: Term[] = [];
    const binaries: Parser.SyntaxNode[] = [];
    flatten(c, root, 1, deep, terms, binaries);
    const pointers = terms.filter((t) => maybePointer(c, t.node));
    if (pointers.length !== 1 || pointers[0].sign !== 1) continue;
    const base = pointers[0].node;
    const facts = c.r.facts(base);
    if (!facts) return undefined;
    const ints = terms.filter((t) => t !== pointers[0]);
    if (ints.some((t) => t.sign === -1 && !isIntegerExpr(c, unwrapIn(c, t.node)))) return undefined;
    return { root, base, facts, terms: ints, binaries };
  }
  return undefined;
}

const PRIMARY = new Set(['identifier', 'number_literal', 'char_literal', 'field_expression', 'subscript_expression', 'call_expression', 'parenthesized_expression', 'sizeof_expression']);

/** `(long long)k + j - m`: the terms summed in 64 bits, as the pointer arithmetic does step by step. */
function sumText(c: CheckContext, terms: Term[]): string {
  return terms
    .map((t, k) => {
      const raw = c.r.text(t.node);
      const text = PRIMARY.has(t.node.type) ? raw : `(${raw})`;
      if (k === 0) return `${t.sign < 0 ? '-' : ''}(long long)${text}`;
      return `${t.sign < 0 ? ' - ' : ' + '}${text}`;
    })
    .join('');
}

/**
 * The offset a chain adds, with the extra `extra` term of a subscript `(b + k)[j]`.
 * One added term is wrapped where it stands (evaluated once, as today for `p[i]`);
 * several terms, or a subtracted one, are summed in a comma-form check before
 * `at`, which needs every term free of side effects (else: undefined, no check).
 */
export function chainOffset(c: CheckContext, shape: AdditiveShape, at: { start: number; end: number }, extra?: Parser.SyntaxNode): IndexOperand | undefined {
  const terms = extra ? [...shape.terms, { node: extra, sign: 1 as const }] : shape.terms;
  if (terms.length === 0) return undefined;
  const single = terms.length === 1 && terms[0].sign === 1 ? terms[0].node : undefined;
  if (single) return { text: c.r.text(single), node: single, form: 'wrap', range: { start: single.startIndex, end: single.endIndex }, ...c.indexFacts(single) };
  if (!terms.every((t) => isPure(t.node))) return undefined;
  const text = sumText(c, terms);
  const facts = terms.map((t) => c.indexFacts(t.node));
  let value: bigint | undefined = 0n;
  for (const [k, f] of facts.entries()) value = value !== undefined && f.value !== undefined ? value + BigInt(terms[k].sign) * f.value : undefined;
  // A subtracted term can make the sum negative whatever the terms' types are.
  const unsigned = terms.every((t, k) => t.sign === 1 && facts[k].unsigned);
  return { text, form: 'comma', range: at, value, unsigned };
}

/** The value of `({ ...; e; })`: its last expression statement's expression. */
export function statementExpressionValue(c: CheckContext, n: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  let x = n;
  while (x.type === 'parenthesized_expression' && x.namedChildCount === 1 && !c.r.isTrustedGroup(x)) x = x.namedChild(0)!;
  if (x.type !== 'compound_statement') return undefined;
  const last = x.namedChildren.filter((s) => s.type !== 'comment').pop();
  return last?.type === 'expression_statement' && last.namedChildCount === 1 ? last.namedChild(0)! : undefined;
}

/** Names declared inside a statement expression (they mean nothing outside it). */
export function declaredInside(n: Parser.SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const d of n.descendantsOfType('declaration')) {
    for (const decl of d.childrenForFieldName('declarator')) {
      const id = decl.type === 'identifier' ? decl : decl.descendantsOfType('identifier')[0];
      if (id) names.add(id.text);
    }
  }
  return names;
}
