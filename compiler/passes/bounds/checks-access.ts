// Checks at memory accesses: p[i], *p, p->f, *(p + k), p + k, and moving a
// counted pointer: null, lower, upper, range (inferred bounds), ptr-arith, and
// the NT read/write checks on strings.
import type Parser from 'tree-sitter';
import { type CheckContext, isPure } from './check-context.js';
import type { PtrFacts } from './facts.js';

/** p[i]: null (if p may be null), lower and upper bound, or NT read/write. */
export function subscript(c: CheckContext, n: Parser.SyntaxNode): void {
  const base = n.childForFieldName('argument')!;
  const idx = n.childForFieldName('index');
  if (!idx) return;
  const f = c.r.facts(base);
  if (!f) return;
  boundCheck(c, n, f, base, idx, c.r.text(idx));
}

export function boundCheck(c: CheckContext, access: Parser.SyntaxNode, f: PtrFacts, base: Parser.SyntaxNode, idx: Parser.SyntaxNode | undefined, idxText: string): void {
  const operand = idx ? { start: idx.startIndex, end: idx.endIndex } : { start: base.startIndex, end: base.endIndex };
  const form = idx ? 'wrap' : 'comma';
  const ix = idx ? c.indexFacts(idx) : { value: 0n, unsigned: true };
  if (f.nullable && !f.isArray && isPure(base)) {
    c.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: base.startIndex, end: base.endIndex }, offset: access.startIndex, node: access });
  }
  // A string literal (an NT array) is checked against its array bound, which is cheaper and exact.
  if (f.nt && !(f.isArray && f.bound.kind === 'count')) {
    if (isWriteTarget(c, access)) {
      const assign = access.parent!;
      const value = assign.childForFieldName('right')!;
      c.add({ check: { kind: 'nt-write', ptr: f.text, index: idxText, value: c.r.text(value) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: access.startIndex, node: access, index: { ...ix, node: idx } });
    } else if (ix.value !== 0n) {
      c.add({ check: { kind: 'nt-read', ptr: f.text, index: idxText, known: f.ntKnown }, form, operand, offset: access.startIndex, node: access, index: { ...ix, node: idx } });
    }
    return;
  }
  if (f.bound.kind === 'count') {
    const count = f.bound.count;
    const cv = f.bound.countValue;
    if (ix.value !== undefined && (ix.value < 0n || (cv !== undefined && ix.value >= cv))) {
      c.error(access.startIndex, `index ${ix.value} is out of bounds of '${f.text}' (${cv !== undefined ? `${cv} element${cv === 1n ? '' : 's'}` : `lower bound 0`}): this check always fails`, ix.value < 0n ? 'bounds/lower' : 'bounds/upper', f);
      return;
    }
    const meta = { index: { ...ix, node: idx }, count: { value: cv, names: f.dependsOn }, fixedArray: f.isArray };
    // An unsigned index cannot be below 0: a huge one fails the upper check.
    if (!ix.unsigned) c.add({ check: { kind: 'lower', index: idxText }, form, operand, offset: access.startIndex, node: access, ...meta });
    c.add({ check: { kind: 'upper', index: idxText, count }, form, operand, offset: access.startIndex, node: access, ...meta });
  } else if (f.bound.kind === 'range' && isPure(base)) {
    c.add({ check: { kind: 'range', ptr: f.text, index: idxText, lo: f.bound.lo, hi: f.bound.hi }, form: idx ? 'wrap' : 'comma', operand, offset: access.startIndex, node: access, index: { ...ix, node: idx } });
  }
}

export function isWriteTarget(c: CheckContext, access: Parser.SyntaxNode): boolean {
  const p = access.parent;
  return !!p && p.type === 'assignment_expression' && p.childForFieldName('left')?.id === access.id && p.childForFieldName('operator')?.text === '=';
}

/** *p and p->f: like p[0]. *(p + k) is p[k]. */
export function deref(c: CheckContext, n: Parser.SyntaxNode, arg: Parser.SyntaxNode): void {
  let inner = arg;
  while (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
  if (inner.type === 'binary_expression' && inner.childForFieldName('operator')?.text === '+') {
    const l = inner.childForFieldName('left')!;
    const k = inner.childForFieldName('right')!;
    const f = c.r.facts(l);
    if (f && !f.explicitSafe) {
      boundCheck(c, n, f, l, k, c.r.text(k));
      c.handledArith.add(inner.id);
      return;
    }
  }
  const f = c.r.facts(arg);
  if (!f || !isPure(arg)) return;
  if (f.nt) {
    if (f.nullable) c.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: arg.startIndex, end: arg.endIndex }, offset: n.startIndex, node: n });
    if (n.type === 'pointer_expression' && isWriteTarget(c, n)) {
      const value = n.parent!.childForFieldName('right')!;
      c.add({ check: { kind: 'nt-write', ptr: f.text, index: '0', value: c.r.text(value) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
    }
    return;
  }
  if (f.isArray) return;
  if (f.bound.kind === 'count' && f.bound.countValue === 1n) {
    if (f.nullable) c.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: arg.startIndex, end: arg.endIndex }, offset: n.startIndex, node: n });
    return;
  }
  boundCheck(c, n, f, arg, undefined, '0');
}

/** p + k on an annotated pointer: SAFE is an error; otherwise the result must stay in [p, p + count]. */
export function arithmetic(c: CheckContext, n: Parser.SyntaxNode): void {
  if (c.handledArith.has(n.id)) return;
  const op = n.childForFieldName('operator')?.text;
  if (op !== '+' && op !== '-') return;
  const l = n.childForFieldName('left')!;
  const k = n.childForFieldName('right')!;
  const f = c.r.facts(l);
  if (!f || f.isArray) return;
  if (f.explicitSafe) {
    c.error(n.startIndex, `arithmetic on SAFE pointer '${f.text}'`, 'bounds/safe-arith', f);
    return;
  }
  if (op === '+' && f.nt && isPure(l)) {
    // Moving along a string: every element skipped must be before the terminator.
    c.add({ check: { kind: 'nt-read', ptr: f.text, index: c.r.text(k), known: f.ntKnown }, form: 'wrap', operand: { start: k.startIndex, end: k.endIndex }, offset: n.startIndex, node: n, index: { ...c.indexFacts(k), node: k } });
    return;
  }
  if (op === '+' && f.bound.kind === 'range' && !f.nt && isPure(l)) {
    // A local with inferred bounds (Deputy's hidden bounds): the result may be one past the end, no further.
    c.add({ check: { kind: 'range-arith', ptr: f.text, offset: c.r.text(k), lo: f.bound.lo, hi: f.bound.hi }, form: 'wrap', operand: { start: k.startIndex, end: k.endIndex }, offset: n.startIndex, node: n, index: { ...c.indexFacts(k), node: k } });
    return;
  }
  if (op !== '+' || f.bound.kind !== 'count' || f.nt || f.safe) return;
  const ix = c.indexFacts(k);
  if (ix.value !== undefined && f.bound.countValue !== undefined && (ix.value < 0n || ix.value > f.bound.countValue)) {
    c.error(n.startIndex, `pointer arithmetic '${c.r.text(n)}' leaves the bounds of '${f.text}' (${f.bound.countValue} elements): this check always fails`, 'bounds/ptr-arith', f);
    return;
  }
  c.add({ check: { kind: 'ptr-arith', offset: c.r.text(k), count: f.bound.count }, form: 'wrap', operand: { start: k.startIndex, end: k.endIndex }, offset: n.startIndex, node: n, index: { ...ix, node: k }, count: { value: f.bound.countValue, names: f.dependsOn } });
}

/**
 * p++ / p += k on a COUNT(n) pointer (as clang's -fbounds-safety): the bound
 * would silently become wrong, so the count must be updated in the
 * neighbouring statement (`p++; n--;`), and then p may only move forward
 * within its bound (0 <= k <= n). Otherwise it is an error.
 */
export function movedCountedPointer(c: CheckContext, n: Parser.SyntaxNode, target: Parser.SyntaxNode, f: PtrFacts, op: string): void {
  if (f.bound.kind !== 'count') return;
  // `p++, n--` in one expression, or `p++;` next to `n--;`.
  const comma = n.parent?.type === 'comma_expression' ? n.parent : undefined;
  const stmt = (comma ?? n).parent?.type === 'expression_statement' ? (comma ?? n).parent! : undefined;
  const neighbours = [stmt?.previousNamedSibling, stmt?.nextNamedSibling, ...(comma ? comma.namedChildren.filter((c) => c.id !== n.id) : [])].filter((x): x is Parser.SyntaxNode => !!x);
  const countWritten = neighbours.some((x) => [...f.dependsOn].some((d) => new RegExp(`\\b${d}\\s*(-=|\\+=|=[^=]|--|\\+\\+)|(--|\\+\\+)\\s*${d}\\b`).test(x.text)));
  const ann = f.origin?.annotation;
  if (!countWritten) {
    c.error(n.startIndex, `moving '${f.text}' without updating its count breaks its bound ${ann?.spelling ?? ''}; update the count in the next statement or use a local copy`, 'bounds/ptr-arith', f);
    return;
  }
  if (op === '--' || op === '-=') {
    c.error(n.startIndex, `moving '${f.text}' backwards leaves its bound ${ann?.spelling ?? ''}`, 'bounds/ptr-arith', f);
    return;
  }
  if (!isPure(target)) return;
  const step = op === '++' ? '1' : c.r.text(n.childForFieldName('right')!);
  c.add({ check: { kind: 'ptr-arith', offset: step, count: f.bound.count }, form: 'comma', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n, index: { value: op === '++' ? 1n : undefined, unsigned: false }, count: { value: f.bound.countValue, names: f.dependsOn } });
}
