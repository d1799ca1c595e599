// Checks where a pointer flows into an annotated place: NONNULL targets,
// COUNT/SIZE variables and fields (assign), parameters of annotated functions
// and memset-style lengths (call), and annotated return values.
import type Parser from 'tree-sitter';
import { constValue, parseBoundExpr, render as renderExpr, type BoundExpr } from '../../../annotations/bound-expr.js';
import type { Annotation } from '../../../annotations/language.js';
import { annotationsOf, annotationsOfAttributes } from './annotations-of.js';
import { allocationBytes } from './allocators.js';
import { type CheckContext, NULL_TEXT, identifierOfDeclarator, isPure } from './check-context.js';
import type { PtrFacts } from './facts.js';
import { factsFor } from './resolve.js';

/** Built-in knowledge of libc/kernel memory functions: [pointer argument, length argument] pairs (Deputy's DMEMSET/DMEMCPY). */
const MEMORY_FUNCTIONS: Record<string, [number, number][]> = {
  memset: [[0, 2]],
  memcpy: [[0, 2], [1, 2]],
  memmove: [[0, 2], [1, 2]],
  memcmp: [[0, 2], [1, 2]],
  strncpy: [[0, 2]],
};

/** A NONNULL variable or field receiving NULL is an error; receiving a maybe-null pointer gets a null check. */
export function nonnullTarget(c: CheckContext, target: Parser.SyntaxNode, value: Parser.SyntaxNode): void {
  const tf = c.r.facts(target);
  if (!tf || tf.nullable || tf.isArray || !tf.origin?.annotation || tf.origin.annotation.kind !== 'nonnull') return;
  nonnullValue(c, value, tf, `assigning a possibly-null value to NONNULL '${tf.text}'`);
}

export function nonnullValue(c: CheckContext, value: Parser.SyntaxNode, target: PtrFacts, what: string): void {
  if (NULL_TEXT.test(c.r.text(value).trim())) {
    c.error(value.startIndex, `${what.replace('a possibly-null value', 'NULL')}: this check always fails`, 'bounds/nonnull', target);
    return;
  }
  const vf = c.r.facts(value);
  if (vf && vf.nullable && isPure(value)) {
    c.add({ check: { kind: 'null', ptr: vf.text }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: value.startIndex, node: value });
  }
}

/**
 * `p = v` where p is declared COUNT(n) / SIZE(b): v must have at least that
 * many elements. Constants decide at compile time; otherwise a run-time
 * check. An allocation call has its requested size; a pointer whose count is
 * written in the neighbouring statement (re-initialising the pair) is checked
 * against that statement's new value by the dependent-write rule instead.
 */
export function flowInto(c: CheckContext, n: Parser.SyntaxNode, target: Parser.SyntaxNode, value: Parser.SyntaxNode): void {
  const tf = c.r.facts(target);
  if (!tf || tf.isArray || tf.bound.kind !== 'count' || tf.safe || tf.nt || !tf.origin?.annotation) return;
  if (!['count', 'size'].includes(tf.origin.annotation.kind) || !isPure(target)) return;
  if (NULL_TEXT.test(c.r.text(value).trim())) return;
  const stmt = n.parent?.type === 'expression_statement' ? n.parent : undefined;
  const neighbours = [stmt?.previousNamedSibling, stmt?.nextNamedSibling].filter((s): s is Parser.SyntaxNode => !!s);
  if (neighbours.some((s) => [...tf.dependsOn].some((d) => new RegExp(`\\b${d}\\s*=[^=]`).test(s.text)))) return;
  let inner = value;
  while ((inner.type === 'cast_expression' || inner.type === 'parenthesized_expression') && inner.namedChildren.length > 0) inner = inner.namedChildren[inner.namedChildren.length - 1];
  const alloc = allocationBytes(c.unit, inner);
  let have: string | undefined;
  let haveValue: bigint | undefined;
  if (alloc) have = `(long long)(${alloc.bytes}) / (long long)sizeof(*(${tf.text}))`;
  else {
    const vf = c.r.facts(value);
    if (!vf || vf.bound.kind !== 'count' || vf.nt) return;
    have = vf.bound.count;
    haveValue = vf.bound.countValue;
  }
  const need = tf.bound.count;
  const needValue = tf.bound.countValue;
  if (needValue !== undefined && haveValue !== undefined) {
    if (needValue > haveValue) c.error(value.startIndex, `'${c.r.text(value)}' has ${haveValue} element${haveValue === 1n ? '' : 's'} but '${tf.text}' claims ${needValue}: this check always fails`, 'bounds/assign', tf);
    return;
  }
  if (alloc && !isPure(inner.childForFieldName('arguments')!)) return;
  c.add({ check: { kind: 'assign', need, have }, form: 'comma', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
}

export function initialisation(c: CheckContext, n: Parser.SyntaxNode): void {
  const d = n.childForFieldName('declarator');
  const value = n.childForFieldName('value');
  if (!d || !value) return;
  const name = identifierOfDeclarator(d);
  if (!name) return;
  const v = c.r.vars.lookup(name.text, name.endIndex);
  if (v && v.annotations.some((a) => a.kind === 'count' || a.kind === 'size')) flowInto(c, n, name, value);
  if (!v || !v.annotations.some((a) => a.kind === 'nonnull')) return;
  const tf = factsFor(name.text, v.info, v.annotations, (x) => x, c.r.constLookup);
  nonnullValue(c, value, tf, `initialising NONNULL '${name.text}' with a possibly-null value`);
}

/** Calls to functions with annotated parameters, and to memset/memcpy-style functions. */
export function call(c: CheckContext, n: Parser.SyntaxNode): void {
  const fnNode = n.childForFieldName('function');
  const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (!fnNode || fnNode.type !== 'identifier') return;
  const sym = c.unit.symbols.function(fnNode.text);
  const memory = MEMORY_FUNCTIONS[fnNode.text];
  if (memory) {
    for (const [pi, li] of memory) lengthFits(c, n, args[pi], args[li]);
  }
  if (!sym) return;
  // Deputy's DMEMSET(p, c, n) / DMEMCPY(d, s, n) / DMEMCMP(a, b, n) on the callee.
  for (const a of annotationsOfAttributes(sym.attributes)) {
    if (a.kind !== 'dmemset' && a.kind !== 'dmemcpy' && a.kind !== 'dmemcmp') continue;
    const index = (e: BoundExpr): number => (e.k === 'id' ? sym.parameters.findIndex((q) => q.name === e.name) : -1);
    const len = index(a.args[2]);
    const ptrs = a.kind === 'dmemset' ? [index(a.args[0])] : [index(a.args[0]), index(a.args[1])];
    for (const pi of ptrs) if (pi >= 0 && len >= 0) lengthFits(c, n, args[pi], args[len]);
  }
  sym.parameters.forEach((p, k) => {
    const arg = args[k];
    if (!arg) return;
    const anns = annotationsOf(p);
    if (anns.length === 0 || p.pointerDepth === 0) return;
    // The parameter's bound, with the other parameters replaced by the arguments.
    const byName = new Map(sym.parameters.map((q, j) => [q.name, args[j]]));
    if ([...byName.values()].some((a) => a && !isPure(a))) return;
    const rename = (x: string): string => {
      const a = byName.get(x);
      return a ? `(${c.r.text(a)})` : x;
    };
    const pf = factsFor(c.r.text(arg), p, anns, rename, c.r.constLookup);
    if (!pf.nullable && !anns.some((a) => a.kind === 'count' || a.kind === 'size')) nonnullValue(c, arg, pf, `passing a possibly-null value to NONNULL parameter '${p.name}' of '${fnNode.text}'`);
    if (pf.bound.kind === 'count' && !pf.explicitSafe && anns.some((a) => a.kind === 'count' || a.kind === 'size')) {
      countFits(c, n, arg, pf, p.name, fnNode.text, anns.some((a) => a.kind === 'size'));
    }
  });
}

/** need (the parameter's claimed count) <= have (the argument's bound). */
export function countFits(c: CheckContext, call: Parser.SyntaxNode, arg: Parser.SyntaxNode, pf: PtrFacts, pname: string, fname: string, bytes: boolean): void {
  if (pf.bound.kind !== 'count') return;
  const af = c.r.facts(arg);
  if (!af || af.bound.kind !== 'count' || af.nt) return;
  // The claimed count with the arguments substituted: constant when they are.
  let needValue: bigint | undefined;
  try {
    needValue = bytes ? undefined : constValue(parseBoundExpr(pf.bound.count), c.r.constLookup);
  } catch {
    needValue = undefined;
  }
  const have = af.bound.countValue;
  if (needValue !== undefined && have !== undefined) {
    if (needValue > have || needValue < 0n) c.error(arg.startIndex, `'${af.text}' has ${have} element${have === 1n ? '' : 's'} but parameter '${pname}' of '${fname}' needs ${needValue}: this check always fails`, 'bounds/call', af);
    return;
  }
  c.add({ check: { kind: 'call', need: pf.bound.count, have: af.bound.count }, form: 'comma', operand: { start: arg.startIndex, end: arg.endIndex }, offset: arg.startIndex, node: call, count: { value: have, names: af.dependsOn } });
}

/** memset(p, c, n): n bytes must fit in p's bound. */
export function lengthFits(c: CheckContext, call: Parser.SyntaxNode, ptr: Parser.SyntaxNode | undefined, len: Parser.SyntaxNode | undefined): void {
  if (!ptr || !len) return;
  const f = c.r.facts(ptr);
  if (!f || f.bound.kind !== 'count' || f.nt || !isPure(ptr)) return;
  const have = f.isArray ? `(long long)sizeof(${f.text})` : `(long long)(${f.bound.count}) * (long long)sizeof(*(${f.text}))`;
  // Element sizes are not known here: constant lengths are left to the run-time check, which gcc folds.
  c.add({ check: { kind: 'call', need: c.r.text(len), have }, form: 'comma', operand: { start: ptr.startIndex, end: ptr.endIndex }, offset: ptr.startIndex, node: call });
}

export function returnValue(c: CheckContext, n: Parser.SyntaxNode): void {
  const value = n.namedChild(0);
  if (!value) return;
  let fn: Parser.SyntaxNode | null = n;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return;
  const declarator = fn.childForFieldName('declarator');
  if (!declarator) return;
  const typeEnd = declarator.startIndex;
  const retAnns = annotationsOfAttributes(c.unit.attributes.filter((a) => a.start >= fn!.startIndex && a.start < (declarator.descendantsOfType('parameter_list')[0]?.startIndex ?? typeEnd)));
  const retCount = retAnns.find((a) => a.kind === 'count');
  if (retCount) returnCount(c, n, value, retCount);
  if (!retAnns.some((a) => a.kind === 'nonnull')) return;
  const target: PtrFacts = { text: 'return value', bound: { kind: 'unknown' }, nullable: false, nt: false, ntKnown: '0', safe: false, explicitSafe: false, isArray: false, dependsOn: new Set(), origin: { annotation: retAnns[0], declOffset: retAnns[0].attribute.start, describe: `return value declared NONNULL here` } };
  nonnullValue(c, value, target, `returning a possibly-null value from a NONNULL function`);
}

/** return v from a function declared `T *COUNT(n) f(...)`: v must have n elements. */
export function returnCount(c: CheckContext, ret: Parser.SyntaxNode, value: Parser.SyntaxNode, ann: Annotation): void {
  if (NULL_TEXT.test(c.r.text(value).trim())) return;
  const vf = c.r.facts(value);
  if (!vf || vf.bound.kind !== 'count' || vf.nt || !isPure(value)) return;
  const need = renderExpr(ann.args[0]);
  const needValue = constValue(ann.args[0], c.r.constLookup);
  const target: PtrFacts = { text: 'return value', bound: { kind: 'count', count: need }, nullable: false, nt: false, ntKnown: '0', safe: false, explicitSafe: false, isArray: false, dependsOn: new Set(), origin: { annotation: ann, declOffset: ann.attribute.start, describe: `return value declared ${ann.spelling} here` } };
  if (needValue !== undefined && vf.bound.countValue !== undefined) {
    if (needValue > vf.bound.countValue) c.error(value.startIndex, `returning '${c.r.text(value)}' with ${vf.bound.countValue} element${vf.bound.countValue === 1n ? '' : 's'} from a function declared ${ann.spelling}: this check always fails`, 'bounds/assign', target);
    return;
  }
  c.add({ check: { kind: 'assign', need, have: vf.bound.count }, form: 'comma', operand: { start: value.startIndex, end: value.endIndex }, offset: ret.startIndex, node: ret });
}
