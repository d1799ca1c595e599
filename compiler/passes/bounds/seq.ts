// Deputy's sequence pointers on function interfaces. `T *SEQ p` carries a
// lower and an upper bound with it, `T *FSEQ p` (forward sequence) only an
// upper bound (the pointer itself is the lower bound). fgftc passes them as
// hidden arguments right after the pointer:
//
//   int sum(int *SEQ p, int n)   ->  int sum(int *p, int *p__fgft_lo, int *p__fgft_hi, int n)
//   int len(char *FSEQ s)        ->  int len(char *s, char *s__fgft_hi)
//   sum(a + 1, 3)                ->  sum(a + 1, (int *)(a), (int *)(a + (4)), 3)
//
// Every declaration of the function and every call in the unit is rewritten
// (so every caller must be compiled by fgftc: the ABI changes, as Deputy's
// fat pointers did). A caller passes the bounds of the object the argument
// points into (a COUNT/SIZE/SAFE pointer, an array, a local with inferred
// bounds, another SEQ parameter); a value of unknown bounds passes [0, ~0)
// (unchecked), NULL passes [0, 0). Inside the function, p[i], *p, p + k and
// p - k are range checked; moving p keeps its bounds; `p = v` takes v's.
// FSEQ: p--, p -= k and p - k with k > 0 go below the start: a compile-time
// error when k is constant, a ptr-arith check otherwise.
//
// Struct fields: `int *SEQ data;` gets hidden fields `data__fgft_lo` /
// `data__fgft_hi` at the end of the struct (before a flexible array member),
// so positional initialisers keep their meaning. A store `x->data = v` (and a
// designated initialiser `.data = v`) sets them from v's bounds; an upper
// bound of 0 (a zeroed or positionally initialised struct, a value of unknown
// bounds) means "unknown": accesses are then not bound checked.
//
// Return values: `int *SEQ f(...)` hands its result's bounds to the caller in
// two thread-local variables (fgft_check_seq_ret_lo / _hi, weak definitions
// in every unit's prelude), set by every `return` and read by the caller just
// after the call, when the result is stored into a local, a SEQ parameter or
// a SEQ field (`q = f(n)`). An upper bound of 0 means unknown (a returned
// value fgftc cannot re-evaluate, a TRUSTED function).
import type Parser from 'tree-sitter';
import type { Annotation } from '../../../annotations/language.js';
import type { DeclaratorInfo } from '../../frontend/symbols.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import type { PassContext } from '../pass.js';
import { allocationBytes } from './allocators.js';
import { annotationsOf, annotationsOfAttributes } from './annotations-of.js';
import { type CheckContext, NULL_TEXT, isPure } from './check-context.js';
import { pointerFacts, type PtrFacts } from './facts.js';
import type { Resolver } from './resolve.js';
import type { VarInfo } from './variables.js';

const PASS = 'bounds-seq';

/** Does the unit write SEQ or FSEQ anywhere? */
function usesSeq(unit: ParsedUnit): boolean {
  return unit.attributes.some((a) => a.name === 'fgft_seq' || a.name === 'fgft_fseq');
}

export function seqAnnotation(anns: readonly Annotation[]): Annotation | undefined {
  return anns.find((a) => a.kind === 'seq');
}

/** The hidden parameters of a sequence parameter named `name`. */
export function seqHiddenNames(name: string): { lo: string; hi: string } {
  return { lo: `${name}__fgft_lo`, hi: `${name}__fgft_hi` };
}

/** Facts of a SEQ / FSEQ parameter inside its function: bounds in its hidden parameters. */
export function seqParamFacts(v: VarInfo, text: string): PtrFacts | undefined {
  const a = v.kind === 'param' ? seqAnnotation(v.annotations) : undefined;
  if (!a || v.info.pointerDepth === 0) return undefined;
  const names = seqHiddenNames(v.name);
  return pointerFacts({
    text,
    bound: { kind: 'range', lo: a.forward ? text : names.lo, hi: names.hi },
    nullable: true,
    dependsOn: new Set([v.name, names.lo, names.hi]),
    origin: { annotation: a, declOffset: a.attribute.start, describe: `'${v.name}' declared ${a.spelling} here (bounds passed in ${a.forward ? names.hi : `${names.lo}/${names.hi}`})` },
  });
}

/** Facts of `base.f` / `base->f` for a SEQ / FSEQ field: bounds in the object's hidden fields (upper 0: unknown). */
export function seqFieldFacts(field: DeclaratorInfo, baseText: string, op: string, text: string): PtrFacts | undefined {
  const a = field.pointerDepth > 0 ? seqAnnotation(annotationsOf(field)) : undefined;
  if (!a) return undefined;
  const names = seqHiddenNames(field.name);
  const hi = `${baseText}${op}${names.hi}`;
  return pointerFacts({
    text,
    bound: { kind: 'range', lo: a.forward ? text : `${baseText}${op}${names.lo}`, hi: `(${hi} ?: (__typeof__(${hi}))~0UL)` },
    nullable: true,
    dependsOn: new Set([field.name, names.lo, names.hi]),
    origin: { annotation: a, declOffset: a.attribute.start, describe: `'${field.name}' declared ${a.spelling} here (bounds kept in ${a.forward ? names.hi : `${names.lo}/${names.hi}`})` },
  });
}

/** What a function returning SEQ / FSEQ says about its result. */
export interface SeqReturn {
  forward: boolean;
  type: string;
  annotation: Annotation;
}

const returnsCache = new WeakMap<ParsedUnit, Map<string, SeqReturn>>();

/** Functions of the unit whose result is SEQ / FSEQ (the annotation before the parameter list). */
export function seqReturns(unit: ParsedUnit): Map<string, SeqReturn> {
  let m = returnsCache.get(unit);
  if (m) return m;
  m = new Map();
  for (const sym of usesSeq(unit) ? unit.symbols.functions.values() : []) {
    const list = sym.node.descendantsOfType('parameter_list')[0];
    if (!list || !/\*\s*$/.test(sym.returnType)) continue;
    const a = seqAnnotation(annotationsOfAttributes(unit.attributes.filter((x) => x.start >= sym.start && x.start < list.startIndex)));
    if (a) m.set(sym.name, { forward: !!a.forward, type: sym.returnType, annotation: a });
  }
  returnsCache.set(unit, m);
  return m;
}

export const SEQ_RETURN_PRELUDE = '__attribute__((weak)) __thread void *fgft_check_seq_ret_lo, *fgft_check_seq_ret_hi;';

/**
 * Bounds of `f(...)` with f returning SEQ / FSEQ, valid just after the call
 * (`self`: what the result was stored into, the lower bound of an FSEQ).
 */
export function seqReturnBounds(unit: ParsedUnit, call: Parser.SyntaxNode, self: string): { lo: string; hi: string } | undefined {
  const fn = call.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  const ret = fn?.type === 'identifier' ? seqReturns(unit).get(fn.text) : undefined;
  if (!ret) return undefined;
  return { lo: ret.forward ? self : 'fgft_check_seq_ret_lo', hi: '(fgft_check_seq_ret_hi ?: (void *)~0UL)' };
}

/** Bounds of a pointer value as C text, or why there are none. */
type ValueBounds = { lo: string; hi: string } | 'unbounded' | 'null' | 'same';

/** The object a pointer value points into and its bounds: B, B + k, B - k, &B[k], &x, (T *)B. */
export function valueBounds(r: Resolver, value: Parser.SyntaxNode, self?: string): ValueBounds {
  let n = value;
  while ((n.type === 'parenthesized_expression' || n.type === 'cast_expression') && n.namedChildren.length > 0) {
    if (n.type === 'parenthesized_expression' && r.isTrustedGroup(n)) break;
    n = n.namedChildren[n.namedChildren.length - 1];
  }
  if (NULL_TEXT.test(r.text(n).trim()) || n.type === 'null') return 'null';
  if (self && r.text(n).replace(/\s+/g, '') === self) return 'same';
  let base = n;
  if (n.type === 'binary_expression' && ['+', '-'].includes(n.childForFieldName('operator')?.text ?? '')) base = n.childForFieldName('left')!;
  else if (n.type === 'pointer_expression' && n.childForFieldName('operator')?.text === '&') {
    const arg = n.childForFieldName('argument')!;
    if (arg.type === 'subscript_expression') base = arg.childForFieldName('argument')!;
    else if ((arg.type === 'identifier' || arg.type === 'field_expression') && isPure(arg)) return { lo: `&(${r.text(arg)})`, hi: `&(${r.text(arg)}) + 1` };
    else return 'unbounded';
  }
  while (base.type === 'parenthesized_expression' && base.namedChildCount === 1 && !r.isTrustedGroup(base)) base = base.namedChild(0)!;
  if (self && r.text(base).replace(/\s+/g, '') === self) return 'same';
  const f = r.facts(base);
  if (!f || !isPure(base) || f.nt) return 'unbounded';
  if (f.bound.kind === 'range') return { lo: f.bound.lo, hi: f.bound.hi };
  if (f.bound.kind === 'count') return { lo: f.text, hi: `${f.text} + (${f.bound.count})` };
  return 'unbounded';
}

interface SeqParam {
  index: number;
  forward: boolean;
  type: string; // the parameter's type, for the hidden parameters and casts
}

interface PendingCall {
  node: Parser.SyntaxNode;
  bounds: Map<number, ValueBounds>; // argument index -> its bounds (missing: unbounded)
}

interface PendingUpdate {
  assignment: Parser.SyntaxNode;
  target: string; // the pointer stored into: `p`, `x->data`
  hidden: { lo: string; hi: string }; // its hidden bounds, as lvalues
  forward: boolean;
  type: string;
  bounds: ValueBounds;
  unknownHi: string; // what the upper bound is set to when the value's bounds are unknown
  valueUsed: boolean;
}

interface SeqField {
  name: string;
  forward: boolean;
  type: string;
}

/** The functions and structs of a unit with sequence pointers; their declarations, calls, stores and initialisers. */
export class SeqInterfaces {
  private readonly functions = new Map<string, SeqParam[]>();
  private readonly records = new Map<number, SeqField[]>(); // struct_specifier start -> its SEQ fields
  private readonly calls = new Map<number, PendingCall>();
  private readonly updates: PendingUpdate[] = [];
  private readonly initialisers: { after: number; text: string }[] = [];
  private readonly returns = new Map<number, ValueBounds>(); // return_statement id -> the value's bounds

  constructor(private readonly unit: ParsedUnit) {
    if (!usesSeq(unit)) return; // the common case: nothing to look for
    for (const sym of unit.symbols.functions.values()) {
      const params: SeqParam[] = [];
      sym.parameters.forEach((p, index) => {
        const a = seqAnnotation(annotationsOfAttributes([...p.attributes, ...p.pointerAttributes.flat()]));
        if (a && p.pointerDepth > 0) params.push({ index, forward: !!a.forward, type: p.type });
      });
      if (params.length > 0) this.functions.set(sym.name, params);
    }
    for (const r of unit.symbols.records) {
      if (r.kind !== 'struct') continue;
      const fields = r.fields.flatMap((f) => {
        const a = f.pointerDepth > 0 && f.name ? seqAnnotation(annotationsOf(f)) : undefined;
        return a ? [{ name: f.name, forward: !!a.forward, type: f.type }] : [];
      });
      if (fields.length > 0) this.records.set(r.node.startIndex, fields);
    }
  }

  /**
   * A SEQ function called through a pointer would get no hidden bounds arguments (wrong ABI, silently):
   * every use of its name other than a direct call or its own declaration is an error.
   */
  reportAddressTaken(ctx: PassContext): void {
    if (this.functions.size === 0) return;
    const root = this.unit.tree.rootNode;
    for (const id of root.descendantsOfType('identifier')) {
      if (!this.functions.has(id.text) || !this.unit.lineMap.isMainFile(id.startIndex)) continue;
      const parent = id.parent;
      if (parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === id.id) continue;
      if (parent?.type === 'function_declarator' && parent.childForFieldName('declarator')?.id === id.id) continue;
      ctx.diagnostics.error(
        this.unit.lineMap.locate(id.startIndex),
        `'${id.text}' has a SEQ/FSEQ parameter, whose bounds travel in hidden arguments: it can only be called directly, not through a pointer (use COUNT or BND on the parameter)`,
        'bounds/seq',
      );
    }
  }

  get empty(): boolean {
    return this.functions.size === 0 && this.records.size === 0 && seqReturns(this.unit).size === 0;
  }

  /** Record, in one checked function, the bounds of SEQ arguments, of stores into SEQ pointers and of SEQ field initialisers. */
  collect(c: CheckContext, body: Parser.SyntaxNode): void {
    if (this.empty) return;
    for (const call of body.descendantsOfType('call_expression')) {
      const params = this.paramsOfCall(call);
      if (!params) continue;
      const args = call.childForFieldName('arguments')!.namedChildren.filter((x) => x.type !== 'comment');
      const bounds = new Map<number, ValueBounds>();
      for (const p of params) if (args[p.index] && isPure(args[p.index])) bounds.set(p.index, valueBounds(c.r, args[p.index]));
      this.calls.set(call.id, { node: call, bounds });
    }
    for (const a of body.descendantsOfType('assignment_expression')) if (a.childForFieldName('operator')?.text === '=') this.store(c, a);
    for (const d of body.descendantsOfType('init_declarator')) this.initialiser(c, d);
    const fn = c.r.vars.fn;
    const ret = this.returnOf(fn);
    if (ret) for (const r of body.descendantsOfType('return_statement')) this.returned(c, r);
  }

  private returnOf(fn: Parser.SyntaxNode): SeqReturn | undefined {
    let d: Parser.SyntaxNode | null = fn.childForFieldName('declarator');
    while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
    const id = d?.childForFieldName('declarator');
    return id?.type === 'identifier' ? seqReturns(this.unit).get(id.text) : undefined;
  }

  /** `return v;` from a SEQ function: v's bounds go to the caller. */
  private returned(c: CheckContext, r: Parser.SyntaxNode): void {
    const value = r.namedChild(0);
    if (!value) return;
    const vb = isPure(value) ? valueBounds(c.r, value) : 'unbounded';
    this.returns.set(r.id, vb);
  }

  /** `p = v` (a SEQ parameter) or `x->f = v` (a SEQ field): the hidden bounds follow the value. */
  private store(c: CheckContext, a: Parser.SyntaxNode): void {
    const left = a.childForFieldName('left')!;
    const value = a.childForFieldName('right')!;
    const parent = c.r.parentOf(a);
    const valueUsed = !(parent?.type === 'expression_statement' || (parent?.type === 'for_statement' && parent.childForFieldName('condition')?.id !== a.id));
    if (left.type === 'identifier') {
      const v = c.r.vars.lookup(left.text, left.startIndex);
      const seq = v?.kind === 'param' ? seqAnnotation(v.annotations) : undefined;
      if (!v || !seq) return;
      const bounds = storedBounds(c, value, v.name, v.name);
      this.updates.push({ assignment: a, target: v.name, hidden: seqHiddenNames(v.name), forward: !!seq.forward, type: v.info.type, bounds, unknownHi: `(${v.info.type})~0UL`, valueUsed });
      return;
    }
    if (left.type !== 'field_expression') return;
    const f = c.r.fieldOf(left);
    const seq = f && f.field.pointerDepth > 0 ? seqAnnotation(annotationsOf(f.field)) : undefined;
    const fname = left.childForFieldName('field')?.text ?? '';
    const base = left.childForFieldName('argument');
    if (!f && base && this.seqFieldOfUntyped(c, base, fname)) {
      // The object is a call's result or a cast: its hidden fields could not be kept right.
      c.error(left.startIndex, `the bounds of sequence field '${fname}' cannot follow a store through '${c.r.text(base)}': store through a variable`, 'bounds/seq');
      return;
    }
    if (!f || !seq) return;
    if (!isPure(f.base)) {
      c.error(left.startIndex, `the bounds of ${seq.spelling} field '${f.field.name}' cannot follow a store through '${c.r.text(f.base)}': store through a variable`, 'bounds/seq', c.r.facts(left));
      return;
    }
    const target = `${c.r.text(f.base)}${f.op}${f.field.name}`;
    const names = seqHiddenNames(f.field.name);
    const hidden = { lo: `${c.r.text(f.base)}${f.op}${names.lo}`, hi: `${c.r.text(f.base)}${f.op}${names.hi}` };
    const bounds = storedBounds(c, value, target.replace(/\s+/g, ''), target);
    this.updates.push({ assignment: a, target, hidden, forward: !!seq.forward, type: f.field.type, bounds, unknownHi: '0', valueUsed });
  }

  /** `get()->f` / `((struct s *)p)->f`, objects the resolver does not type: is f a sequence field of that struct? */
  private seqFieldOfUntyped(c: CheckContext, base: Parser.SyntaxNode, field: string): boolean {
    let b = base;
    while (b.type === 'parenthesized_expression' && b.namedChildCount === 1) b = b.namedChild(0)!;
    let type: string | undefined;
    if (b.type === 'call_expression') {
      const fn = b.childForFieldName('function');
      type = fn?.type === 'identifier' ? c.unit.symbols.function(fn.text)?.returnType : undefined;
    } else if (b.type === 'cast_expression') type = b.childForFieldName('type')?.text;
    const record = type ? c.unit.symbols.recordOfType(type.replace(/\*\s*$/, '').trim()) : undefined;
    return !!record && !!this.records.get(record.node.startIndex)?.some((x) => x.name === field);
  }

  /** `struct s x = { .data = v, ... }`: `.data__fgft_lo = ..., .data__fgft_hi = ...` after v. */
  private initialiser(c: CheckContext, d: Parser.SyntaxNode): void {
    const list = d.childForFieldName('value');
    if (list?.type !== 'initializer_list') return;
    const id = d.childForFieldName('declarator');
    const name = id ? (id.type === 'identifier' ? id : id.descendantsOfType('identifier')[0]) : undefined;
    const v = name ? c.r.vars.lookup(name.text, name.endIndex) : undefined;
    const record = v && v.info.pointerDepth === 0 && v.info.arraySizes.length === 0 ? c.r.recordOf(v.info) : undefined;
    const fields = record ? this.records.get(record.node.startIndex) : undefined;
    if (!fields || !record) return;
    if (this.positional(list, record.fields.map((f) => f.name), fields, (value) => (isPure(value) ? valueBounds(c.r, value) : 'unbounded'))) return;
    for (const item of list.namedChildren) {
      if (item.type !== 'initializer_pair') continue;
      const designator = item.childForFieldName('designator') ?? item.namedChild(0);
      const fname = designator?.type === 'field_designator' ? designator.namedChild(0)?.text : undefined;
      const field = fields.find((f) => f.name === fname);
      const value = item.childForFieldName('value') ?? item.namedChildren[item.namedChildren.length - 1];
      if (!field || !value || !isPure(value)) continue;
      const vb = valueBounds(c.r, value);
      if (typeof vb !== 'object') continue; // unknown: the hidden fields stay 0
      const b = boundsText(vb, field.type);
      const names = seqHiddenNames(field.name);
      this.initialisers.push({ after: value.endIndex, text: field.forward ? `, .${names.hi} = ${b.hi}` : `, .${names.lo} = ${b.lo}, .${names.hi} = ${b.hi}` });
    }
  }

  /**
   * `{ a, 3 }` naming every field in order: the hidden fields come last, so
   * their values are appended (gcc would warn about the missing ones).
   */
  private positional(list: Parser.SyntaxNode, order: string[], fields: SeqField[], boundsOf: (value: Parser.SyntaxNode) => ValueBounds): boolean {
    const items = list.namedChildren.filter((x) => x.type !== 'comment');
    if (items.some((x) => x.type === 'initializer_pair')) return false;
    if (items.length !== order.length || items.length === 0) return true;
    const values = fields.map((f) => {
      const value = items[order.indexOf(f.name)];
      const vb = value ? boundsOf(value) : 'unbounded';
      // Unknown (and NULL): an upper bound of 0, so nothing is checked.
      const b = typeof vb === 'object' ? boundsText(vb, f.type) : { lo: `(${f.type})0`, hi: `(${f.type})0` };
      return f.forward ? b.hi : `${b.lo}, ${b.hi}`;
    });
    this.initialisers.push({ after: items[items.length - 1].endIndex, text: `, ${values.join(', ')}` });
    return true;
  }

  /** Globals of a struct with SEQ fields initialised positionally: their hidden fields start unknown. */
  private globalInitialisers(ctx: PassContext): void {
    for (const g of ctx.unit.symbols.globals.values()) {
      const init = g.node.parent?.type === 'init_declarator' ? g.node.parent : undefined;
      const list = init?.childForFieldName('value');
      const record = g.pointerDepth === 0 && g.arraySizes.length === 0 ? ctx.unit.symbols.recordOfType(g.type) : undefined;
      const fields = record ? this.records.get(record.node.startIndex) : undefined;
      if (list?.type === 'initializer_list' && record && fields) this.positional(list, record.fields.map((f) => f.name), fields, () => 'unbounded');
    }
  }

  private paramsOfCall(call: Parser.SyntaxNode): SeqParam[] | undefined {
    const fn = call.childForFieldName('function');
    return fn?.type === 'identifier' ? this.functions.get(fn.text) : undefined;
  }

  /** Rewrite declarations, struct definitions, calls, stores and initialisers (calls outside checked functions pass unknown bounds). */
  place(ctx: PassContext): void {
    if (this.empty) return;
    for (const d of ctx.unit.tree.rootNode.descendantsOfType('function_declarator')) this.declaration(ctx, d);
    for (const [start, fields] of this.records) this.structDefinition(ctx, start, fields);
    if (this.records.size > 0) this.globalInitialisers(ctx);
    for (const call of ctx.unit.tree.rootNode.descendantsOfType('call_expression')) {
      const params = this.paramsOfCall(call);
      if (!params) continue;
      const args = call.childForFieldName('arguments')!.namedChildren.filter((x) => x.type !== 'comment');
      const pending = this.calls.get(call.id);
      for (const p of params) {
        const arg = args[p.index];
        if (!arg) continue;
        const b = boundsText(pending?.bounds.get(p.index) ?? 'unbounded', p.type);
        ctx.edits.insert(arg.endIndex, p.forward ? `, ${b.hi}` : `, ${b.lo}, ${b.hi}`, PASS, 1.5e12);
      }
    }
    for (const u of this.updates) {
      if (u.bounds === 'same') continue;
      const b = typeof u.bounds === 'object' ? boundsText(u.bounds, u.type) : u.bounds === 'null' ? boundsText('null', u.type) : { lo: `(${u.type})0`, hi: u.unknownHi };
      const set = u.forward ? `${u.hidden.hi} = ${b.hi}` : `${u.hidden.lo} = ${b.lo}, ${u.hidden.hi} = ${b.hi}`;
      ctx.edits.insert(u.assignment.startIndex, u.valueUsed ? '((' : '(', PASS, -2e12);
      ctx.edits.insert(u.assignment.endIndex, `), ${set}${u.valueUsed ? `, ${u.target})` : ''}`, PASS, 2e12);
    }
    for (const i of this.initialisers) ctx.edits.insert(i.after, i.text, PASS, 1.5e12);
    if (seqReturns(this.unit).size > 0) this.placeReturns(ctx);
  }

  /** Every return of a SEQ function sets the result's bounds (unknown where the function was not checked). */
  private placeReturns(ctx: PassContext): void {
    ctx.prelude.add(SEQ_RETURN_PRELUDE);
    for (const f of ctx.unit.functions) {
      const ret = this.returnOf(f.node);
      const body = f.node.childForFieldName('body');
      if (!ret || !body) continue;
      for (const r of body.descendantsOfType('return_statement')) {
        const value = r.namedChild(0);
        if (!value) continue;
        const vb = this.returns.get(r.id) ?? 'unbounded';
        // NULL and unknown bounds both give an upper bound of 0: nothing is checked on them (NULL is null-checked).
        const b = typeof vb === 'object' ? { lo: `(void *)(${vb.lo})`, hi: `(void *)(${vb.hi})` } : { lo: '(void *)0', hi: '(void *)0' };
        const set = `fgft_check_seq_ret_lo = ${b.lo}, fgft_check_seq_ret_hi = ${b.hi}`;
        ctx.edits.insert(value.startIndex, `(${set}, `, PASS, -2e12);
        ctx.edits.insert(value.endIndex, ')', PASS, 2e12);
      }
    }
  }

  /** The hidden fields, last in the struct (before a flexible array member). */
  private structDefinition(ctx: PassContext, start: number, fields: SeqField[]): void {
    const record = ctx.unit.symbols.recordAt(start);
    const body = record?.node.childForFieldName('body');
    if (!record || !body) return;
    const members = body.namedChildren.filter((x) => x.type === 'field_declaration');
    const last = members[members.length - 1];
    const flexible = last && /\[\s*\]\s*;?\s*$/.test(ctx.unit.parseText.slice(last.startIndex, last.endIndex).replace(/\s+$/, ''));
    const at = flexible ? last.startIndex : body.endIndex - 1;
    const decls = fields.map((f) => {
      const n = seqHiddenNames(f.name);
      return f.forward ? `${f.type} ${n.hi};` : `${f.type} ${n.lo}; ${f.type} ${n.hi};`;
    });
    ctx.edits.insert(at, ` ${decls.join(' ')} `, PASS);
  }

  /** `int f(int *SEQ p, int n)` -> `int f(int *p, int *p__fgft_lo, int *p__fgft_hi, int n)`. */
  private declaration(ctx: PassContext, d: Parser.SyntaxNode): void {
    const id = d.childForFieldName('declarator');
    const params = id?.type === 'identifier' ? this.functions.get(id.text) : undefined;
    const list = d.childForFieldName('parameters');
    if (!params || !list) return;
    const decls = list.namedChildren.filter((x) => x.type === 'parameter_declaration');
    for (const p of params) {
      const pd = decls[p.index];
      if (!pd) continue;
      const ids = pd.descendantsOfType('identifier');
      const name = ids.length > 0 ? ids[ids.length - 1].text : `__fgft_seq${p.index}`;
      const h = seqHiddenNames(name);
      // A function may not use both bounds (or the pointer at all): no -Wunused-parameter for them.
      const one = (nm: string): string => `${p.type} ${nm} __attribute__((unused))`;
      const hidden = p.forward ? one(h.hi) : `${one(h.lo)}, ${one(h.hi)}`;
      ctx.edits.insert(pd.endIndex, `, ${hidden}`, PASS, 1.5e12);
    }
  }
}

/**
 * Bounds a stored value gives its target, evaluated just after the store:
 * an allocation's size counts from the target itself.
 */
function storedBounds(c: CheckContext, value: Parser.SyntaxNode, self: string, target: string): ValueBounds {
  let inner = value;
  while ((inner.type === 'cast_expression' || inner.type === 'parenthesized_expression') && inner.namedChildren.length > 0) inner = inner.namedChildren[inner.namedChildren.length - 1];
  const alloc = allocationBytes(c.unit, inner);
  if (alloc) return alloc.args.every((x) => isPure(x)) ? { lo: target, hi: `(char *)(${target}) + (${alloc.bytes})` } : 'unbounded';
  const returned = seqReturnBounds(c.unit, inner, target);
  if (returned) return returned;
  return valueBounds(c.r, value, self);
}

function boundsText(b: ValueBounds, type: string): { lo: string; hi: string } {
  if (b === 'null') return { lo: `(${type})0`, hi: `(${type})0` };
  if (b === 'unbounded' || b === 'same') return { lo: `(${type})0`, hi: `(${type})~0UL` };
  return { lo: `(${type})(${b.lo})`, hi: `(${type})(${b.hi})` };
}

/**
 * Moving a sequence pointer backwards: p--, p -= k, p - k. On an FSEQ the
 * lower bound is the pointer itself, so any step back leaves it (constant:
 * an error; otherwise a ptr-arith check that k <= 0); on a SEQ the result
 * must stay within [lo, hi].
 */
export function seqBackwards(c: CheckContext, n: Parser.SyntaxNode): void {
  const op = n.childForFieldName('operator')?.text ?? '';
  let target: Parser.SyntaxNode | null;
  let step: string;
  if (n.type === 'update_expression' && op === '--') {
    target = n.childForFieldName('argument');
    step = '1';
  } else if ((n.type === 'assignment_expression' && op === '-=') || (n.type === 'binary_expression' && op === '-')) {
    target = n.childForFieldName('left');
    const right = n.childForFieldName('right')!;
    if (n.type === 'binary_expression' && c.r.facts(right)) return; // p - q: a difference, not a move
    step = c.r.text(right);
  } else return;
  if (!target || !isPure(target)) return;
  const v = target.type === 'identifier' ? c.r.vars.lookup(target.text, target.startIndex) : undefined;
  const seq = v?.kind === 'param' ? seqAnnotation(v.annotations) : undefined;
  const f = seq ? c.r.facts(target) : undefined;
  if (!seq || !f || f.bound.kind !== 'range') return;
  const k = n.type === 'update_expression' ? { value: 1n, unsigned: false } : c.indexFacts(n.childForFieldName('right')!);
  if (seq.forward && k.value !== undefined && k.value > 0n) {
    c.error(n.startIndex, `'${c.r.text(n)}' moves FSEQ pointer '${f.text}' below its start (an FSEQ pointer is its own lower bound): this check always fails`, 'bounds/ptr-arith', f);
    return;
  }
  c.add({ check: { kind: 'range-arith', ptr: f.text, offset: `-(${step})`, lo: f.bound.lo, hi: f.bound.hi }, form: 'comma', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n });
}

/** `*p++`, `*p--`, `*++p`, `*--p` on a sequence parameter: the element read is range checked before p moves. */
export function seqDerefMoving(c: CheckContext, n: Parser.SyntaxNode, arg: Parser.SyntaxNode): void {
  let u = arg;
  while (u.type === 'parenthesized_expression' && u.namedChildCount === 1) u = u.namedChild(0)!;
  if (u.type !== 'update_expression') return;
  const target = u.childForFieldName('argument');
  const op = u.childForFieldName('operator')?.text ?? '';
  if (!target || target.type !== 'identifier') return;
  const v = c.r.vars.lookup(target.text, target.startIndex);
  const f = v?.kind === 'param' && seqAnnotation(v.annotations) ? c.r.facts(target) : undefined;
  if (!f || f.bound.kind !== 'range') return;
  // Prefix forms read the element after the move; postfix forms the one before it.
  const prefix = target.startIndex > u.startIndex;
  const index = !prefix ? '0' : op === '++' ? '1' : '-1';
  // (No separate null check: it would evaluate the update again. A null p is outside every known range.)
  c.add({ check: { kind: 'range', ptr: f.text, index, lo: f.bound.lo, hi: f.bound.hi }, form: 'comma', operand: { start: u.startIndex, end: u.endIndex }, offset: n.startIndex, node: n });
}
