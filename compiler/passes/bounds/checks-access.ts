// Checks at memory accesses: p[i], *p, p->f, *(p + k), p + k, and moving a
// counted pointer: null, lower, upper, range (inferred bounds), ptr-arith, and
// the NT read/write checks on strings. Accesses through additive chains and
// statement expressions are reduced to these by access-shapes.ts.
import type Parser from 'tree-sitter';
import { type CheckContext, isPure } from './check-context.js';
import type { PtrFacts } from './facts.js';
import { additiveShape, chainOffset, type AdditiveShape, declaredInside, statementExpressionValue, type IndexOperand } from './access-shapes.js';

/** p[i]: null (if p may be null), lower and upper bound, or NT read/write. */
export function subscript(c: CheckContext, n: Parser.SyntaxNode): void {
  const base = n.childForFieldName('argument')!;
  const idx = n.childForFieldName('index');
  if (!idx) return;
  const f = c.r.facts(base);
  if (!f) {
    shapedSubscript(c, n, base, idx);
    return;
  }
  boundCheck(c, n, f, base, indexOperand(c, idx));
}

/** The index of `p[i]`: wrapped where it stands. */
function indexOperand(c: CheckContext, idx: Parser.SyntaxNode): IndexOperand {
  return { text: c.r.text(idx), node: idx, form: 'wrap', range: { start: idx.startIndex, end: idx.endIndex }, ...c.indexFacts(idx) };
}

/** `*p`, `p->f`: offset 0, checked in a comma expression before the pointer. */
function zeroOffset(at: Parser.SyntaxNode): IndexOperand {
  return { text: '0', form: 'comma', range: { start: at.startIndex, end: at.endIndex }, value: 0n, unsigned: true };
}

/**
 * Why: these subscripts had no check. `(b + k)[j]` is `b[k + j]`; `({ ...; e; })[i]`
 * is `e[i]`: with the index checked where it stands when e's count means the same
 * outside the block, else inside the block before e (i must then be free of side
 * effects and of names declared inside).
 */
function shapedSubscript(c: CheckContext, n: Parser.SyntaxNode, base: Parser.SyntaxNode, idx: Parser.SyntaxNode): void {
  const shape = additiveShape(c, base);
  if (shape && !shape.facts.explicitSafe) {
    const off = chainOffset(c, shape, { start: shape.root.startIndex, end: shape.root.endIndex }, idx);
    if (!off) return;
    shape.binaries.forEach((b) => c.handledArith.add(b.id));
    boundCheck(c, n, shape.facts, shape.base, off);
    return;
  }
  const value = statementExpressionValue(c, base);
  if (!value) return;
  const inside = declaredInside(base);
  const mentionsInside = (text: string): boolean => [...text.matchAll(/[A-Za-z_]\w*/g)].some((m) => inside.has(m[0]));
  const f = c.r.facts(value);
  const changedInside = (text: string): boolean => [...text.matchAll(/[A-Za-z_]\w*/g)].some((m) => c.r.writes.writtenIn(m[0], base.startIndex, base.endIndex) || c.r.writes.writtenIn(m[0], base.startIndex, base.endIndex, true));
  if (f && !f.nt && f.bound.kind === 'count' && !mentionsInside(f.bound.count) && !changedInside(f.bound.count)) {
    // The count means the same outside (and the block does not change it): the index is checked where it stands, evaluated once.
    boundCheck(c, n, f, value, indexOperand(c, idx));
    return;
  }
  // Otherwise the check goes inside, before the value, and takes the index along.
  if (!isPure(idx) || mentionsInside(c.r.text(idx))) return;
  if (f && !f.nt) {
    boundCheck(c, n, f, value, { text: c.r.text(idx), form: 'comma', range: { start: value.startIndex, end: value.endIndex }, ...c.indexFacts(idx) });
    return;
  }
  const inner = additiveShape(c, value);
  if (!inner || inner.facts.explicitSafe || inner.facts.nt) return;
  const off = chainOffset(c, inner, { start: inner.root.startIndex, end: inner.root.endIndex }, idx);
  if (!off || off.form !== 'comma') return;
  inner.binaries.forEach((b) => c.handledArith.add(b.id));
  boundCheck(c, n, inner.facts, inner.base, off);
}

export function boundCheck(c: CheckContext, access: Parser.SyntaxNode, f: PtrFacts, base: Parser.SyntaxNode, ix: IndexOperand): void {
  const { form, range: operand, text: idxText } = ix;
  const idx = ix.node;
  const index = { value: ix.value, unsigned: ix.unsigned, node: idx };
  if (f.nullable && !f.isArray && isPure(base)) {
    c.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: base.startIndex, end: base.endIndex }, offset: access.startIndex, node: access });
  }
  // A string literal (an NT array) is checked against its array bound, which is cheaper and exact.
  if (f.nt && !(f.isArray && f.bound.kind === 'count')) {
    if (isWriteTarget(c, access)) {
      const assign = access.parent!;
      const value = assign.childForFieldName('right')!;
      c.add({ check: { kind: 'nt-write', ptr: f.text, index: idxText, value: c.r.text(value) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: access.startIndex, node: access, index });
    } else if (ix.value !== 0n) {
      c.add({ check: { kind: 'nt-read', ptr: f.text, index: idxText, known: f.ntKnown }, form, operand, offset: access.startIndex, node: access, index });
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
    const meta = { index, count: { value: cv, names: f.dependsOn }, fixedArray: f.isArray };
    // An unsigned index cannot be below 0: a huge one fails the upper check.
    if (!ix.unsigned) c.add({ check: { kind: 'lower', index: idxText }, form, operand, offset: access.startIndex, node: access, ...meta });
    c.add({ check: { kind: 'upper', index: idxText, count }, form, operand, offset: access.startIndex, node: access, ...meta });
  } else if (f.bound.kind === 'range' && isPure(base)) {
    c.add({ check: { kind: 'range', ptr: f.text, index: idxText, lo: f.bound.lo, hi: f.bound.hi }, form, operand, offset: access.startIndex, node: access, index });
  }
}

export function isWriteTarget(c: CheckContext, access: Parser.SyntaxNode): boolean {
  const p = access.parent;
  return !!p && p.type === 'assignment_expression' && p.childForFieldName('left')?.id === access.id && p.childForFieldName('operator')?.text === '=';
}

/** *p and p->f: like p[0]. *(p + k), *(b + k + j), *(k + b), *(p - k) are p[offset]; *({ ...; e; }) is *e. */
export function deref(c: CheckContext, n: Parser.SyntaxNode, arg: Parser.SyntaxNode): void {
  const shape = additiveShape(c, arg);
  if (shape && !shape.facts.explicitSafe) {
    const off = backwardsUnchecked(shape) ? undefined : chainOffset(c, shape, { start: shape.root.startIndex, end: shape.root.endIndex });
    // Without a check on the whole chain (side effects), its parts are still checked as arithmetic.
    if (!off) return;
    shape.binaries.forEach((b) => c.handledArith.add(b.id));
    boundCheck(c, n, shape.facts, shape.base, off);
    return;
  }
  // Why: a statement expression's value was never checked; its checks go inside it, on its last expression.
  const value = statementExpressionValue(c, arg);
  if (value) {
    const f = c.r.facts(value);
    if (f?.nt) {
      if (f.nullable && isPure(value)) c.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
      return;
    }
    deref(c, n, value);
    return;
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
  boundCheck(c, n, f, arg, zeroOffset(arg));
}

/**
 * Moving backwards is left unchecked where it is an idiom and not an access:
 * `(char *)p - offsetof(...)` (container_of) and a string's `end - 1` (NT bounds only look forward).
 */
function backwardsUnchecked(shape: AdditiveShape): boolean {
  if (!shape.terms.some((t) => t.sign < 0)) return false;
  let b = shape.base;
  while (b.type === 'parenthesized_expression' && b.namedChildCount === 1) b = b.namedChild(0)!;
  return b.type === 'cast_expression' || shape.facts.nt;
}

/** p + k on an annotated pointer: SAFE is an error; otherwise the result must stay in [p, p + count]. */
export function arithmetic(c: CheckContext, n: Parser.SyntaxNode): void {
  if (c.handledArith.has(n.id)) return;
  const op = n.childForFieldName('operator')?.text;
  if (op !== '+' && op !== '-') return;
  const shape = additiveShape(c, n);
  const l = n.childForFieldName('left')!;
  if (shape && (op === '-' || shape.terms.length > 1 || shape.base.id !== l.id)) {
    shapedArithmetic(c, n, shape);
    return;
  }
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
 * Why: `b + k + j`, `k + b` and `b - k` formed pointers nobody checked. The whole
 * chain is one pointer arithmetic: its summed offset must keep it within the
 * bounds (one past the end may be formed), checked once at the chain.
 */
function shapedArithmetic(c: CheckContext, n: Parser.SyntaxNode, shape: AdditiveShape): void {
  const f = shape.facts;
  if (f.explicitSafe) {
    shape.binaries.forEach((b) => c.handledArith.add(b.id));
    c.error(n.startIndex, `arithmetic on SAFE pointer '${f.text}'`, 'bounds/safe-arith', f);
    return;
  }
  if (backwardsUnchecked(shape) || !isPure(shape.base)) return;
  const off = chainOffset(c, shape, { start: n.startIndex, end: n.endIndex });
  if (!off) return; // its parts are still checked one by one
  shape.binaries.forEach((b) => c.handledArith.add(b.id));
  if (f.isArray && !shape.terms.some((t) => t.sign < 0)) return; // as for `a + k`: checked where it is used
  const index = { value: off.value, unsigned: off.unsigned, node: off.node };
  const at = { form: off.form, operand: off.range, offset: n.startIndex, node: n, index };
  if (f.nt) {
    c.add({ check: { kind: 'nt-read', ptr: f.text, index: off.text, known: f.ntKnown }, ...at });
    return;
  }
  if (f.bound.kind === 'range') {
    c.add({ check: { kind: 'range-arith', ptr: f.text, offset: off.text, lo: f.bound.lo, hi: f.bound.hi }, ...at });
    return;
  }
  if (f.bound.kind !== 'count' || f.safe) return;
  if (off.value !== undefined && f.bound.countValue !== undefined && (off.value < 0n || off.value > f.bound.countValue)) {
    c.error(n.startIndex, `pointer arithmetic '${c.r.text(n)}' leaves the bounds of '${f.text}' (${f.bound.countValue} elements): this check always fails`, 'bounds/ptr-arith', f);
    return;
  }
  c.add({ check: { kind: 'ptr-arith', offset: off.text, count: f.bound.count }, ...at, count: { value: f.bound.countValue, names: f.dependsOn } });
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
