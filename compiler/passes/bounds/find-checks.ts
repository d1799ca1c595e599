// Walk one function body: for every dereference, index, pointer arithmetic,
// annotated call, dependent write and union member access, record the checks
// it needs (CheckSite) or, when a check must fail / a rule is broken, an error.
import type Parser from 'tree-sitter';
import { constValue, freeNames, parseBoundExpr, render as renderExpr, type BoundExpr } from '../../../annotations/bound-expr.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import type { PassContext } from '../pass.js';
import { annotationsOf, annotationsOfAttributes } from './annotations-of.js';
import type { PtrFacts } from './facts.js';
import { factsFor, type Resolver } from './resolve.js';
import type { CheckSite } from './sites.js';
import { isUnsignedType } from './variables.js';
import type { Annotation } from '../../../annotations/language.js';
import { allocationBytes } from './allocators.js';
import { identifierOf } from './writes.js';

const NULL_TEXT = /^\(?\s*(NULL|0|\(\s*void\s*\*\s*\)\s*0|nullptr)\s*\)?$/;

/** Built-in knowledge of libc/kernel memory functions: [pointer argument, length argument] pairs (Deputy's DMEMSET/DMEMCPY). */
const MEMORY_FUNCTIONS: Record<string, [number, number][]> = {
  memset: [[0, 2]],
  memcpy: [[0, 2], [1, 2]],
  memmove: [[0, 2], [1, 2]],
  memcmp: [[0, 2], [1, 2]],
  strncpy: [[0, 2]],
};

export class CheckFinder {
  readonly sites: CheckSite[] = [];

  constructor(
    private readonly ctx: PassContext,
    private readonly r: Resolver,
  ) {}

  private get unit(): ParsedUnit {
    return this.ctx.unit;
  }

  private error(at: number, message: string, rule: string, facts?: PtrFacts): void {
    const notes: Diagnostic[] = [];
    if (facts?.origin) notes.push({ severity: 'note', location: this.unit.lineMap.locate(facts.origin.declOffset), message: facts.origin.describe });
    this.ctx.diagnostics.error(this.unit.lineMap.locate(at), message, rule, notes);
  }

  private add(site: CheckSite): void {
    this.sites.push(site);
  }

  /** A block opened with TRUSTEDBLOCK, or TC(e) / NTDROP(e) / NTEXPAND(e): no checks inside. */
  private isTrusted(n: Parser.SyntaxNode): boolean {
    const first = n.namedChild(0);
    const end = first ? first.startIndex : n.endIndex;
    const inner = annotationsOfAttributes(this.unit.attributes.filter((a) => a.start > n.startIndex && a.start < end));
    return inner.some((a) => a.kind === 'trusted-block' || a.kind === 'trusted' || a.kind === 'tc' || a.kind === 'nt-drop' || a.kind === 'nt-expand');
  }

  walk(n: Parser.SyntaxNode): void {
    // Operands of sizeof/_Alignof/typeof are not evaluated: nothing to check.
    if (n.type === 'sizeof_expression' || n.type === 'alignof_expression' || n.type === 'offsetof_expression' || n.type === 'type_descriptor') return;
    if ((n.type === 'compound_statement' || n.type === 'parenthesized_expression') && this.isTrusted(n)) return;
    switch (n.type) {
      case 'subscript_expression':
        this.subscript(n);
        break;
      case 'pointer_expression':
        if (n.childForFieldName('operator')?.text === '*') this.deref(n, n.childForFieldName('argument')!);
        break;
      case 'field_expression':
        if (n.childForFieldName('operator')?.text === '->') this.deref(n, n.childForFieldName('argument')!);
        this.unionMember(n);
        break;
      case 'binary_expression':
        this.arithmetic(n);
        break;
      case 'update_expression':
      case 'assignment_expression':
        this.modification(n);
        break;
      case 'call_expression':
        this.call(n);
        break;
      case 'return_statement':
        this.returnValue(n);
        break;
      case 'init_declarator':
        this.initialisation(n);
        break;
      default:
        break;
    }
    for (const c of n.namedChildren) this.walk(c);
  }

  private indexFacts(idx: Parser.SyntaxNode): { value?: bigint; unsigned: boolean } {
    let value: bigint | undefined;
    try {
      value = constValue(parseBoundExpr(this.r.text(idx)), this.r.constLookup);
    } catch {
      value = undefined;
    }
    return { value, unsigned: this.isUnsignedExpr(idx) };
  }

  /** C's usual arithmetic conversions, roughly: an operation with an unsigned operand is unsigned. */
  private isUnsignedExpr(n: Parser.SyntaxNode): boolean {
    switch (n.type) {
      case 'parenthesized_expression':
        return !!n.namedChild(0) && this.isUnsignedExpr(n.namedChild(0)!);
      case 'identifier':
      case 'field_expression':
      case 'subscript_expression': {
        const t = this.r.typeOf(n);
        return t ? isUnsignedType(t) : false;
      }
      case 'number_literal':
        return /[uU]/.test(n.text);
      case 'cast_expression': {
        const t = n.childForFieldName('type');
        return !!t && isUnsignedType(t.text);
      }
      case 'sizeof_expression':
        return true;
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text ?? '';
        if (!['+', '-', '*', '/', '%', '&', '|', '^'].includes(op)) return false;
        return this.isUnsignedExpr(n.childForFieldName('left')!) || this.isUnsignedExpr(n.childForFieldName('right')!);
      }
      default:
        return false;
    }
  }

  /** p[i]: null (if p may be null), lower and upper bound, or NT read/write. */
  private subscript(n: Parser.SyntaxNode): void {
    const base = n.childForFieldName('argument')!;
    const idx = n.childForFieldName('index');
    if (!idx) return;
    const f = this.r.facts(base);
    if (!f) return;
    this.boundCheck(n, f, base, idx, this.r.text(idx));
  }

  private boundCheck(access: Parser.SyntaxNode, f: PtrFacts, base: Parser.SyntaxNode, idx: Parser.SyntaxNode | undefined, idxText: string): void {
    const operand = idx ? { start: idx.startIndex, end: idx.endIndex } : { start: base.startIndex, end: base.endIndex };
    const form = idx ? 'wrap' : 'comma';
    const ix = idx ? this.indexFacts(idx) : { value: 0n, unsigned: true };
    if (f.nullable && !f.isArray && isPure(base)) {
      this.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: base.startIndex, end: base.endIndex }, offset: access.startIndex, node: access });
    }
    // A string literal (an NT array) is checked against its array bound, which is cheaper and exact.
    if (f.nt && !(f.isArray && f.bound.kind === 'count')) {
      if (this.isWriteTarget(access)) {
        const assign = access.parent!;
        const value = assign.childForFieldName('right')!;
        this.add({ check: { kind: 'nt-write', ptr: f.text, index: idxText, value: this.r.text(value) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: access.startIndex, node: access, index: { ...ix, node: idx } });
      } else if (ix.value !== 0n) {
        this.add({ check: { kind: 'nt-read', ptr: f.text, index: idxText, known: f.ntKnown }, form, operand, offset: access.startIndex, node: access, index: { ...ix, node: idx } });
      }
      return;
    }
    if (f.bound.kind === 'count') {
      const count = f.bound.count;
      const cv = f.bound.countValue;
      if (ix.value !== undefined && (ix.value < 0n || (cv !== undefined && ix.value >= cv))) {
        this.error(access.startIndex, `index ${ix.value} is out of bounds of '${f.text}' (${cv !== undefined ? `${cv} element${cv === 1n ? '' : 's'}` : `lower bound 0`}): this check always fails`, ix.value < 0n ? 'bounds/lower' : 'bounds/upper', f);
        return;
      }
      const meta = { index: { ...ix, node: idx }, count: { value: cv, names: f.dependsOn }, fixedArray: f.isArray };
      // An unsigned index cannot be below 0: a huge one fails the upper check.
      if (!ix.unsigned) this.add({ check: { kind: 'lower', index: idxText }, form, operand, offset: access.startIndex, node: access, ...meta });
      this.add({ check: { kind: 'upper', index: idxText, count }, form, operand, offset: access.startIndex, node: access, ...meta });
    } else if (f.bound.kind === 'range' && isPure(base)) {
      this.add({ check: { kind: 'range', ptr: f.text, index: idxText, lo: f.bound.lo, hi: f.bound.hi }, form: idx ? 'wrap' : 'comma', operand, offset: access.startIndex, node: access, index: { ...ix, node: idx } });
    }
  }

  private isWriteTarget(access: Parser.SyntaxNode): boolean {
    const p = access.parent;
    return !!p && p.type === 'assignment_expression' && p.childForFieldName('left')?.id === access.id && p.childForFieldName('operator')?.text === '=';
  }

  /** *p and p->f: like p[0]. *(p + k) is p[k]. */
  private deref(n: Parser.SyntaxNode, arg: Parser.SyntaxNode): void {
    let inner = arg;
    while (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
    if (inner.type === 'binary_expression' && inner.childForFieldName('operator')?.text === '+') {
      const l = inner.childForFieldName('left')!;
      const k = inner.childForFieldName('right')!;
      const f = this.r.facts(l);
      if (f && !f.explicitSafe) {
        this.boundCheck(n, f, l, k, this.r.text(k));
        handledArith.add(inner.id);
        return;
      }
    }
    const f = this.r.facts(arg);
    if (!f || !isPure(arg)) return;
    if (f.nt) {
      if (f.nullable) this.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: arg.startIndex, end: arg.endIndex }, offset: n.startIndex, node: n });
      if (n.type === 'pointer_expression' && this.isWriteTarget(n)) {
        const value = n.parent!.childForFieldName('right')!;
        this.add({ check: { kind: 'nt-write', ptr: f.text, index: '0', value: this.r.text(value) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
      }
      return;
    }
    if (f.isArray) return;
    if (f.bound.kind === 'count' && f.bound.countValue === 1n) {
      if (f.nullable) this.add({ check: { kind: 'null', ptr: f.text }, form: 'wrap', operand: { start: arg.startIndex, end: arg.endIndex }, offset: n.startIndex, node: n });
      return;
    }
    this.boundCheck(n, f, arg, undefined, '0');
  }

  /** p + k on an annotated pointer: SAFE is an error; otherwise the result must stay in [p, p + count]. */
  private arithmetic(n: Parser.SyntaxNode): void {
    if (handledArith.has(n.id)) return;
    const op = n.childForFieldName('operator')?.text;
    if (op !== '+' && op !== '-') return;
    const l = n.childForFieldName('left')!;
    const k = n.childForFieldName('right')!;
    const f = this.r.facts(l);
    if (!f || f.isArray) return;
    if (f.explicitSafe) {
      this.error(n.startIndex, `arithmetic on SAFE pointer '${f.text}'`, 'bounds/safe-arith', f);
      return;
    }
    if (op === '+' && f.nt && isPure(l)) {
      // Moving along a string: every element skipped must be before the terminator.
      this.add({ check: { kind: 'nt-read', ptr: f.text, index: this.r.text(k), known: f.ntKnown }, form: 'wrap', operand: { start: k.startIndex, end: k.endIndex }, offset: n.startIndex, node: n, index: { ...this.indexFacts(k), node: k } });
      return;
    }
    if (op !== '+' || f.bound.kind !== 'count' || f.nt || f.safe) return;
    const ix = this.indexFacts(k);
    if (ix.value !== undefined && f.bound.countValue !== undefined && (ix.value < 0n || ix.value > f.bound.countValue)) {
      this.error(n.startIndex, `pointer arithmetic '${this.r.text(n)}' leaves the bounds of '${f.text}' (${f.bound.countValue} elements): this check always fails`, 'bounds/ptr-arith', f);
      return;
    }
    this.add({ check: { kind: 'ptr-arith', offset: this.r.text(k), count: f.bound.count }, form: 'wrap', operand: { start: k.startIndex, end: k.endIndex }, offset: n.startIndex, node: n, index: { ...ix, node: k }, count: { value: f.bound.countValue, names: f.dependsOn } });
  }

  /** p++ / p += k on SAFE; writes to a count another annotation depends on. */
  private modification(n: Parser.SyntaxNode): void {
    const target = n.type === 'update_expression' ? n.childForFieldName('argument')! : n.childForFieldName('left')!;
    const op = n.childForFieldName('operator')?.text ?? '';
    const f = this.r.facts(target);
    if (f && f.explicitSafe && (n.type === 'update_expression' || op === '+=' || op === '-=')) {
      this.error(n.startIndex, `arithmetic on SAFE pointer '${f.text}'`, 'bounds/safe-arith', f);
      return;
    }
    if (f && !f.nt && f.bound.kind === 'count' && f.origin?.annotation?.kind === 'count' && (op === '++' || op === '+=' || op === '--' || op === '-=')) {
      this.movedCountedPointer(n, target, f, op);
      return;
    }
    if (f && f.nt && isPure(target) && (op === '++' || op === '+=')) {
      // s++ on a string: allowed while *s is not the terminator.
      const step = op === '++' ? '1' : this.r.text(n.childForFieldName('right')!);
      this.add({ check: { kind: 'nt-read', ptr: f.text, index: step, known: f.ntKnown }, form: 'comma', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n });
      return;
    }
    if (n.type === 'assignment_expression') {
      this.nonnullTarget(target, n.childForFieldName('right')!);
      if (op === '=') {
        this.dependentWrite(n, target, n.childForFieldName('right')!);
        this.flowInto(n, target, n.childForFieldName('right')!);
      }
    }
  }

  /**
   * p++ / p += k on a COUNT(n) pointer (as clang's -fbounds-safety): the bound
   * would silently become wrong, so the count must be updated in the
   * neighbouring statement (`p++; n--;`), and then p may only move forward
   * within its bound (0 <= k <= n). Otherwise it is an error.
   */
  private movedCountedPointer(n: Parser.SyntaxNode, target: Parser.SyntaxNode, f: PtrFacts, op: string): void {
    if (f.bound.kind !== 'count') return;
    // `p++, n--` in one expression, or `p++;` next to `n--;`.
    const comma = n.parent?.type === 'comma_expression' ? n.parent : undefined;
    const stmt = (comma ?? n).parent?.type === 'expression_statement' ? (comma ?? n).parent! : undefined;
    const neighbours = [stmt?.previousNamedSibling, stmt?.nextNamedSibling, ...(comma ? comma.namedChildren.filter((c) => c.id !== n.id) : [])].filter((x): x is Parser.SyntaxNode => !!x);
    const countWritten = neighbours.some((x) => [...f.dependsOn].some((d) => new RegExp(`\\b${d}\\s*(-=|\\+=|=[^=]|--|\\+\\+)|(--|\\+\\+)\\s*${d}\\b`).test(x.text)));
    const ann = f.origin?.annotation;
    if (!countWritten) {
      this.error(n.startIndex, `moving '${f.text}' without updating its count breaks its bound ${ann?.spelling ?? ''}; update the count in the next statement or use a local copy`, 'bounds/ptr-arith', f);
      return;
    }
    if (op === '--' || op === '-=') {
      this.error(n.startIndex, `moving '${f.text}' backwards leaves its bound ${ann?.spelling ?? ''}`, 'bounds/ptr-arith', f);
      return;
    }
    if (!isPure(target)) return;
    const step = op === '++' ? '1' : this.r.text(n.childForFieldName('right')!);
    this.add({ check: { kind: 'ptr-arith', offset: step, count: f.bound.count }, form: 'comma', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n, index: { value: op === '++' ? 1n : undefined, unsigned: false }, count: { value: f.bound.countValue, names: f.dependsOn } });
  }

  /** A NONNULL variable or field receiving NULL is an error; receiving a maybe-null pointer gets a null check. */
  private nonnullTarget(target: Parser.SyntaxNode, value: Parser.SyntaxNode): void {
    const tf = this.r.facts(target);
    if (!tf || tf.nullable || tf.isArray || !tf.origin?.annotation || tf.origin.annotation.kind !== 'nonnull') return;
    this.nonnullValue(value, tf, `assigning a possibly-null value to NONNULL '${tf.text}'`);
  }

  private nonnullValue(value: Parser.SyntaxNode, target: PtrFacts, what: string): void {
    if (NULL_TEXT.test(this.r.text(value).trim())) {
      this.error(value.startIndex, `${what.replace('a possibly-null value', 'NULL')}: this check always fails`, 'bounds/nonnull', target);
      return;
    }
    const vf = this.r.facts(value);
    if (vf && vf.nullable && isPure(value)) {
      this.add({ check: { kind: 'null', ptr: vf.text }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: value.startIndex, node: value });
    }
  }

  /**
   * `len = v` where some pointer is COUNT(len): the new count may only shrink
   * (0 <= v <= len), unless the pointer itself is assigned in the adjacent
   * statement (re-initialisation of the pair), or the count is ASSUMECONST.
   */
  private dependentWrite(n: Parser.SyntaxNode, target: Parser.SyntaxNode, value: Parser.SyntaxNode): void {
    const id = identifierOf(target);
    const name = id ? id.text : target.type === 'field_expression' ? target.childForFieldName('field')?.text : undefined;
    if (!name) return;
    let dependents: string[] = [];
    if (id) {
      dependents = this.r.vars.all().filter((v) => v.info.pointerDepth > 0 && v.annotations.some((a) => a.kind === 'count' && a.args[0] && depNames(a.args[0]).has(name))).map((v) => v.name);
    } else {
      const fi = this.r.fieldOf(target);
      if (!fi) return;
      if (annotationsOf(fi.field).some((a) => a.kind === 'assume-const')) return;
      // Flexible array members are left alone: their allocation size is not tracked.
      dependents = fi.record.fields.filter((fl) => fl.pointerDepth > 0 && annotationsOf(fl).some((a) => a.kind === 'count' && depNames(a.args[0]).has(name))).map((fl) => fl.name);
    }
    if (dependents.length === 0) return;
    const stmt = n.parent?.type === 'expression_statement' ? n.parent : undefined;
    const neighbours = [stmt?.previousNamedSibling, stmt?.nextNamedSibling].filter((s): s is Parser.SyntaxNode => !!s);
    if (neighbours.some((s) => dependents.some((d) => new RegExp(`\\b${d}\\s*=[^=]`).test(s.text)))) return;
    if (!isPure(target)) return;
    this.add({ check: { kind: 'dependent-write', newValue: this.r.text(value), oldValue: this.r.text(target) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
  }

  /**
   * `p = v` where p is declared COUNT(n) / SIZE(b): v must have at least that
   * many elements. Constants decide at compile time; otherwise a run-time
   * check. An allocation call has its requested size; a pointer whose count is
   * written in the neighbouring statement (re-initialising the pair) is checked
   * against that statement's new value by the dependent-write rule instead.
   */
  private flowInto(n: Parser.SyntaxNode, target: Parser.SyntaxNode, value: Parser.SyntaxNode): void {
    const tf = this.r.facts(target);
    if (!tf || tf.isArray || tf.bound.kind !== 'count' || tf.safe || tf.nt || !tf.origin?.annotation) return;
    if (!['count', 'size'].includes(tf.origin.annotation.kind) || !isPure(target)) return;
    if (NULL_TEXT.test(this.r.text(value).trim())) return;
    const stmt = n.parent?.type === 'expression_statement' ? n.parent : undefined;
    const neighbours = [stmt?.previousNamedSibling, stmt?.nextNamedSibling].filter((s): s is Parser.SyntaxNode => !!s);
    if (neighbours.some((s) => [...tf.dependsOn].some((d) => new RegExp(`\\b${d}\\s*=[^=]`).test(s.text)))) return;
    let inner = value;
    while ((inner.type === 'cast_expression' || inner.type === 'parenthesized_expression') && inner.namedChildren.length > 0) inner = inner.namedChildren[inner.namedChildren.length - 1];
    const alloc = allocationBytes(this.unit, inner);
    let have: string | undefined;
    let haveValue: bigint | undefined;
    if (alloc) have = `(long long)(${alloc.bytes}) / (long long)sizeof(*(${tf.text}))`;
    else {
      const vf = this.r.facts(value);
      if (!vf || vf.bound.kind !== 'count' || vf.nt) return;
      have = vf.bound.count;
      haveValue = vf.bound.countValue;
    }
    const need = tf.bound.count;
    const needValue = tf.bound.countValue;
    if (needValue !== undefined && haveValue !== undefined) {
      if (needValue > haveValue) this.error(value.startIndex, `'${this.r.text(value)}' has ${haveValue} element${haveValue === 1n ? '' : 's'} but '${tf.text}' claims ${needValue}: this check always fails`, 'bounds/assign', tf);
      return;
    }
    if (alloc && !isPure(inner.childForFieldName('arguments')!)) return;
    this.add({ check: { kind: 'assign', need, have }, form: 'comma', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
  }

  private initialisation(n: Parser.SyntaxNode): void {
    const d = n.childForFieldName('declarator');
    const value = n.childForFieldName('value');
    if (!d || !value) return;
    const name = identifierOfDeclarator(d);
    if (!name) return;
    const v = this.r.vars.lookup(name.text, name.endIndex);
    if (v && v.annotations.some((a) => a.kind === 'count' || a.kind === 'size')) this.flowInto(n, name, value);
    if (!v || !v.annotations.some((a) => a.kind === 'nonnull')) return;
    const tf = factsFor(name.text, v.info, v.annotations, (x) => x, this.r.constLookup);
    this.nonnullValue(value, tf, `initialising NONNULL '${name.text}' with a possibly-null value`);
  }

  /** Calls to functions with annotated parameters, and to memset/memcpy-style functions. */
  private call(n: Parser.SyntaxNode): void {
    const fnNode = n.childForFieldName('function');
    const args = n.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (!fnNode || fnNode.type !== 'identifier') return;
    const sym = this.unit.symbols.function(fnNode.text);
    const memory = MEMORY_FUNCTIONS[fnNode.text];
    if (memory) {
      for (const [pi, li] of memory) this.lengthFits(n, args[pi], args[li], true);
    }
    if (!sym) return;
    // Deputy's DMEMSET(p, c, n) / DMEMCPY(d, s, n) / DMEMCMP(a, b, n) on the callee.
    for (const a of annotationsOfAttributes(sym.attributes)) {
      if (a.kind !== 'dmemset' && a.kind !== 'dmemcpy' && a.kind !== 'dmemcmp') continue;
      const index = (e: BoundExpr): number => (e.k === 'id' ? sym.parameters.findIndex((q) => q.name === e.name) : -1);
      const len = index(a.args[2]);
      const ptrs = a.kind === 'dmemset' ? [index(a.args[0])] : [index(a.args[0]), index(a.args[1])];
      for (const pi of ptrs) if (pi >= 0 && len >= 0) this.lengthFits(n, args[pi], args[len], true);
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
        return a ? `(${this.r.text(a)})` : x;
      };
      const pf = factsFor(this.r.text(arg), p, anns, rename, this.r.constLookup);
      if (!pf.nullable && !anns.some((a) => a.kind === 'count' || a.kind === 'size')) this.nonnullValue(arg, pf, `passing a possibly-null value to NONNULL parameter '${p.name}' of '${fnNode.text}'`);
      if (pf.bound.kind === 'count' && !pf.explicitSafe && anns.some((a) => a.kind === 'count' || a.kind === 'size')) {
        this.countFits(n, arg, pf, p.name, fnNode.text, anns.some((a) => a.kind === 'size'));
      }
    });
  }

  /** need (the parameter's claimed count) <= have (the argument's bound). */
  private countFits(call: Parser.SyntaxNode, arg: Parser.SyntaxNode, pf: PtrFacts, pname: string, fname: string, bytes: boolean): void {
    if (pf.bound.kind !== 'count') return;
    const af = this.r.facts(arg);
    if (!af || af.bound.kind !== 'count' || af.nt) return;
    let needValue: bigint | undefined;
    try {
      needValue = pf.bound.countExpr ? constValue(pf.bound.countExpr, this.r.constLookup) : undefined;
    } catch {
      needValue = undefined;
    }
    // Re-evaluate with arguments substituted.
    try {
      needValue = constValue(parseBoundExpr(pf.bound.count), this.r.constLookup);
    } catch {
      /* not constant */
    }
    if (bytes) needValue = undefined;
    const have = af.bound.countValue;
    if (needValue !== undefined && have !== undefined) {
      if (needValue > have || needValue < 0n) this.error(arg.startIndex, `'${af.text}' has ${have} element${have === 1n ? '' : 's'} but parameter '${pname}' of '${fname}' needs ${needValue}: this check always fails`, 'bounds/call', af);
      return;
    }
    this.add({ check: { kind: 'call', need: pf.bound.count, have: af.bound.count }, form: 'comma', operand: { start: arg.startIndex, end: arg.endIndex }, offset: arg.startIndex, node: call, count: { value: have, names: af.dependsOn } });
  }

  /** memset(p, c, n): n bytes must fit in p's bound. */
  private lengthFits(call: Parser.SyntaxNode, ptr: Parser.SyntaxNode | undefined, len: Parser.SyntaxNode | undefined, _bytes: boolean): void {
    if (!ptr || !len) return;
    const f = this.r.facts(ptr);
    if (!f || f.bound.kind !== 'count' || f.nt || !isPure(ptr)) return;
    const have = f.isArray ? `(long long)sizeof(${f.text})` : `(long long)(${f.bound.count}) * (long long)sizeof(*(${f.text}))`;
    const lv = this.indexFacts(len).value;
    if (lv !== undefined && f.isArray && f.bound.countValue !== undefined) {
      // sizeof is not known here: leave constant lengths to the run-time check, which gcc folds.
    }
    if (lv !== undefined && lv < 0n) return;
    this.add({ check: { kind: 'call', need: this.r.text(len), have }, form: 'comma', operand: { start: ptr.startIndex, end: ptr.endIndex }, offset: ptr.startIndex, node: call });
  }

  private returnValue(n: Parser.SyntaxNode): void {
    const value = n.namedChild(0);
    if (!value) return;
    let fn: Parser.SyntaxNode | null = n;
    while (fn && fn.type !== 'function_definition') fn = fn.parent;
    if (!fn) return;
    const declarator = fn.childForFieldName('declarator');
    if (!declarator) return;
    const typeEnd = declarator.startIndex;
    const retAnns = annotationsOfAttributes(this.unit.attributes.filter((a) => a.start >= fn!.startIndex && a.start < (declarator.descendantsOfType('parameter_list')[0]?.startIndex ?? typeEnd)));
    const retCount = retAnns.find((a) => a.kind === 'count');
    if (retCount) this.returnCount(n, value, retCount);
    if (!retAnns.some((a) => a.kind === 'nonnull')) return;
    const target: PtrFacts = { text: 'return value', bound: { kind: 'unknown' }, nullable: false, nt: false, ntKnown: '0', safe: false, explicitSafe: false, isArray: false, dependsOn: new Set(), origin: { annotation: retAnns[0], declOffset: retAnns[0].attribute.start, describe: `return value declared NONNULL here` } };
    this.nonnullValue(value, target, `returning a possibly-null value from a NONNULL function`);
  }

  /** return v from a function declared `T *COUNT(n) f(...)`: v must have n elements. */
  private returnCount(ret: Parser.SyntaxNode, value: Parser.SyntaxNode, ann: Annotation): void {
    if (NULL_TEXT.test(this.r.text(value).trim())) return;
    const vf = this.r.facts(value);
    if (!vf || vf.bound.kind !== 'count' || vf.nt || !isPure(value)) return;
    const need = renderExpr(ann.args[0]);
    const needValue = constValue(ann.args[0], this.r.constLookup);
    const target: PtrFacts = { text: 'return value', bound: { kind: 'count', count: need }, nullable: false, nt: false, ntKnown: '0', safe: false, explicitSafe: false, isArray: false, dependsOn: new Set(), origin: { annotation: ann, declOffset: ann.attribute.start, describe: `return value declared ${ann.spelling} here` } };
    if (needValue !== undefined && vf.bound.countValue !== undefined) {
      if (needValue > vf.bound.countValue) this.error(value.startIndex, `returning '${this.r.text(value)}' with ${vf.bound.countValue} element${vf.bound.countValue === 1n ? '' : 's'} from a function declared ${ann.spelling}: this check always fails`, 'bounds/assign', target);
      return;
    }
    this.add({ check: { kind: 'assign', need, have: vf.bound.count }, form: 'comma', operand: { start: value.startIndex, end: value.endIndex }, offset: ret.startIndex, node: ret });
  }

  /** s->u.f where f is WHEN(cond): cond must hold. */
  private unionMember(n: Parser.SyntaxNode): void {
    const fi = this.r.fieldOf(n);
    if (!fi) return;
    const when = annotationsOf(fi.field).find((a) => a.kind === 'when');
    if (!when) return;
    // The tag lives in the struct around the union: X.u.f -> X, or X->f for an anonymous union.
    let container = fi.base;
    let op = fi.op;
    if (fi.record.kind === 'union' && fi.base.type === 'field_expression') {
      container = fi.base.childForFieldName('argument')!;
      op = fi.base.childForFieldName('operator')?.text ?? '.';
    }
    if (!isPure(container)) return;
    const prefix = this.r.text(container);
    const cond = renderWith(when, (x) => (/^[A-Z_][A-Z0-9_]*$/.test(x) || this.unit.symbols.enumConstant(x) ? x : `${prefix}${op}${x}`));
    this.add({ check: { kind: 'union-tag', member: this.r.text(n), condition: cond }, form: 'wrap', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n });
  }
}

const handledArith = new Set<number>();

function renderWith(a: { args: BoundExpr[] }, rename: (x: string) => string): string {
  return renderExpr(a.args[0], rename);
}

function depNames(e: BoundExpr | undefined): Set<string> {
  return e ? freeNames(e) : new Set();
}

function identifierOfDeclarator(d: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
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
