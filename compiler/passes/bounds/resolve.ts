// The bound, nullability and string-ness of a pointer expression at its place
// of use: from annotations, array sizes, the SAFE default, or inference.
import type Parser from 'tree-sitter';
import { constValue, freeNames, render, type BoundExpr } from '../../../annotations/bound-expr.js';
import type { Annotation } from '../../../annotations/language.js';
import type { DeclaratorInfo, RecordSymbol } from '../../frontend/symbols.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import { pointerFacts, type PtrFacts } from './facts.js';
import { fnName, type FunctionVariables, type VarInfo } from './variables.js';
import { identifierOf, type WriteIndex } from './writes.js';
import { annotationsOf } from './annotations-of.js';
import { allocationBytes } from './allocators.js';
import { isPure } from './check-context.js';
import { aliasStores, aliasTarget } from './address-taken.js';
import { famAllocationCount } from './fam-count.js';
import { hiddenDeclarators, hiddenNames, type HiddenBounds, type SourceBounds } from './hidden-bounds.js';
import { ntConversionBounds, ntConversionFacts } from './nt-conversions.js';
import { seqFieldFacts, seqParamFacts, seqReturnBounds } from './seq.js';

export class Resolver {
  private readonly inferred = new Map<VarInfo, PtrFacts | null>();
  /** Locals given hidden bounds variables (placed by the pass when there are no errors). */
  readonly hidden: HiddenBounds[] = [];

  /** Parents of the function's named nodes: tree-sitter's `parent` is a slow native call. */
  private readonly parents = new Map<number, Parser.SyntaxNode>();

  constructor(
    readonly unit: ParsedUnit,
    readonly vars: FunctionVariables,
    readonly writes: WriteIndex,
  ) {
    const stack: Parser.SyntaxNode[] = [vars.fn];
    while (stack.length > 0) {
      const n = stack.pop()!;
      for (const c of n.namedChildren) {
        this.parents.set(c.id, n);
        stack.push(c);
      }
    }
  }

  /** The parent of a node inside the function (null at the function itself). */
  parentOf(n: Parser.SyntaxNode): Parser.SyntaxNode | null {
    return this.parents.get(n.id) ?? null;
  }

  text(n: Parser.SyntaxNode): string {
    return this.unit.text.slice(n.startIndex, n.endIndex);
  }

  constLookup = (name: string): bigint | undefined => this.unit.symbols.enumConstant(name)?.value;

  /** Type text of an lvalue-ish expression, when it is a variable, a field or built from them. */
  typeOf(n: Parser.SyntaxNode): string | undefined {
    switch (n.type) {
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.typeOf(n.namedChild(0)!) : undefined;
      case 'identifier':
        return this.vars.lookup(n.text, n.startIndex)?.info.type;
      case 'field_expression': {
        const f = this.fieldOf(n);
        return f?.field.type;
      }
      case 'subscript_expression':
      case 'pointer_expression': {
        if (n.type === 'pointer_expression' && n.childForFieldName('operator')?.text !== '*') return undefined;
        const inner = this.typeOf(n.childForFieldName('argument')!);
        return inner ? stripOneLevel(inner) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The declaration behind an lvalue-ish expression (through parentheses, `*` and `[]`). */
  declOf(n: Parser.SyntaxNode): DeclaratorInfo | undefined {
    switch (n.type) {
      case 'parenthesized_expression':
        return n.namedChild(0) ? this.declOf(n.namedChild(0)!) : undefined;
      case 'identifier':
        return this.vars.lookup(n.text, n.startIndex)?.info;
      case 'field_expression':
        return this.fieldOf(n)?.field;
      case 'subscript_expression':
      case 'pointer_expression':
        return this.declOf(n.childForFieldName('argument')!);
      default:
        return undefined;
    }
  }

  /** The struct/union a declaration's type names (anonymous ones by position). */
  recordOf(d: DeclaratorInfo): RecordSymbol | undefined {
    const named = this.unit.symbols.recordOfType(d.type.replace(/\[[^\]]*\]/g, ''));
    if (named) return named;
    const typeNode = d.declarationNode.childForFieldName('type');
    return typeNode ? this.unit.symbols.records.find((r) => r.node.startIndex === typeNode.startIndex) : undefined;
  }

  /** The record and field a field_expression names. */
  fieldOf(n: Parser.SyntaxNode): { record: RecordSymbol; field: DeclaratorInfo; base: Parser.SyntaxNode; op: string } | undefined {
    const base = n.childForFieldName('argument');
    const fname = n.childForFieldName('field');
    const op = n.childForFieldName('operator')?.text ?? '.';
    if (!base || !fname) return undefined;
    const d = this.declOf(base);
    const record = d ? this.recordOf(d) : undefined;
    const field = record?.field(fname.text);
    return record && field ? { record, field, base, op } : undefined;
  }

  /** `( __attribute__((fgft_tc)) e )`: the parentheses TC(e) expands to. */
  isTrustedGroup(n: Parser.SyntaxNode): boolean {
    const first = n.namedChild(0);
    const end = first ? first.startIndex : n.endIndex;
    return this.unit.attributes.some((a) => a.start > n.startIndex && a.start < end && ['fgft_tc', 'fgft_ntdrop', 'fgft_ntexpand'].includes(a.name));
  }

  /** Facts about a variable by name at an offset (for checks placed away from any node). */
  factsOfName(name: string, offset: number): PtrFacts | undefined {
    const v = this.vars.lookup(name, offset);
    if (!v || v.info.isFunctionPointer || (v.info.pointerDepth === 0 && v.info.arraySizes.length === 0)) return undefined;
    if (v.kind === 'local' && v.annotations.length === 0 && !isArrayDeclarator(v.info)) return undefined;
    return factsFor(name, v.info, v.annotations, (x) => x, this.constLookup);
  }

  /** Facts about a pointer (or array) expression; undefined if it is not one we know. */
  facts(n: Parser.SyntaxNode): PtrFacts | undefined {
    switch (n.type) {
      case 'parenthesized_expression':
        // TC(e): whatever its target claims is trusted. NTDROP(e) / NTEXPAND(e): Deputy's NT conversions.
        if (this.isTrustedGroup(n)) return ntConversionFacts(this, n);
        return n.namedChild(0) ? this.facts(n.namedChild(0)!) : undefined;
      case 'identifier': {
        const v = this.vars.lookup(n.text, n.startIndex);
        if (!v || v.info.isFunctionPointer) return undefined;
        if (v.info.pointerDepth === 0 && v.info.arraySizes.length === 0) return undefined;
        // SEQ / FSEQ on a local asks for what fgftc does anyway: bounds kept for it.
        if (v.kind === 'local' && v.annotations.every((a) => a.kind === 'seq') && !isArrayDeclarator(v.info)) return this.inferLocal(v, n.text);
        const argv = this.mainArgv(v);
        if (argv) return { ...argv, text: n.text };
        const seq = seqParamFacts(v, n.text);
        if (seq) return seq;
        return factsFor(n.text, v.info, v.annotations, (x) => x, this.constLookup);
      }
      case 'field_expression': {
        const f = this.fieldOf(n);
        if (!f || f.field.isFunctionPointer) return undefined;
        if (f.field.pointerDepth === 0 && f.field.arraySizes.length === 0) return undefined;
        const baseText = this.text(f.base);
        const rename = (x: string): string => (f.record.field(x) ? `${baseText}${f.op}${x}` : x);
        const seq = seqFieldFacts(f.field, baseText, f.op, this.text(n));
        if (seq) return seq;
        return factsFor(this.text(n), f.field, annotationsOf(f.field), rename, this.constLookup);
      }
      case 'cast_expression': {
        // (T2 *)p: the same bytes, counted in T2 elements. A trusted cast TC(e) is not a cast here.
        const inner = n.childForFieldName('value');
        const f = inner ? this.facts(inner) : undefined;
        if (!f || !inner) return undefined;
        const text = this.text(n);
        if (f.bound.kind !== 'count') return { ...f, text, nt: false, isArray: false };
        const count = `((long long)(${f.bound.count}) * (long long)sizeof(*(${this.text(inner)})) / (long long)sizeof(*(${text})))`;
        return { ...f, text, bound: { kind: 'count', count }, nt: false, isArray: false, safe: false, explicitSafe: false };
      }
      case 'pointer_expression':
      case 'subscript_expression': {
        // `*pp` where pp only ever holds &p is p, facts and text (address-taken.ts).
        const target = aliasTarget(this, n);
        return target ? this.facts(target) : undefined;
      }
      case 'string_literal': {
        const len = stringLength(this.text(n));
        if (len === undefined) return undefined;
        return { text: this.text(n), bound: { kind: 'count', count: String(len + 1), countValue: BigInt(len + 1) }, nullable: false, nt: true, ntKnown: String(len), safe: false, explicitSafe: false, isArray: true, dependsOn: new Set() };
      }
      default:
        return undefined;
    }
  }

  /** main's argv has argc + 1 elements (the last is NULL), as C guarantees. */
  private mainArgv(v: VarInfo): PtrFacts | undefined {
    if (v.kind !== 'param' || fnName(this.vars.fn) !== 'main' || v.annotations.length > 0) return undefined;
    const sym = this.unit.symbols.function('main');
    const params = sym?.parameters ?? [];
    if (params.length < 2 || params[1].name !== v.name || !params[0].name) return undefined;
    const argc = params[0].name;
    return pointerFacts({
      text: v.name,
      bound: { kind: 'count', count: `${argc} + 1` },
      nullable: false,
      dependsOn: new Set([argc]),
      origin: { declOffset: v.info.node.startIndex, describe: `'${v.name}' has ${argc} + 1 elements` },
    });
  }

  /**
   * Deputy-style inference for an unannotated local pointer, done statically:
   * if every value it is given points into the same object B (B, B + k, &B[k],
   * or itself moved), and B and B's bound never change in the function, it has
   * B's bounds [B, B + count(B)).
   */
  private inferLocal(v: VarInfo, text: string): PtrFacts | undefined {
    if (!this.inferred.has(v)) {
      // Locals assigned from each other (p = q; q = p): inside the cycle the other one has no bounds.
      this.inferred.set(v, null);
      this.inferred.set(v, this.computeInferred(v) ?? null);
    }
    const base = this.inferred.get(v);
    if (!base) return v.info.pointerDepth > 0 ? unknownLocal(v, text) : undefined;
    return { ...base, text };
  }

  /** `id` names a variable whose elements have `v`'s element type (a `void *` handed to a `struct x *` has not). */
  private sameType(v: VarInfo, id: Parser.SyntaxNode): boolean {
    const other = this.vars.lookup(id.text, id.startIndex);
    return other !== undefined && sameElementType(v, other);
  }

  /** Where a value stored into `v` points: the bounds it carries. */
  private sourceBounds(v: VarInfo, value: Parser.SyntaxNode): SourceBounds {
    let n = value;
    let cast = false;
    while ((n.type === 'parenthesized_expression' || n.type === 'cast_expression') && n.namedChildren.length > 0) {
      if (n.type === 'parenthesized_expression' && this.isTrustedGroup(n)) return ntConversionBounds(this, n) ?? 'unbounded';
      if (n.type === 'cast_expression') cast = true;
      n = n.namedChildren[n.namedChildren.length - 1];
    }
    // The variable itself, not a field of the same name (`b = &r->b[i]`).
    const mentions = (x: Parser.SyntaxNode): boolean => x.descendantsOfType('identifier').some((id) => id.text === v.name);
    if (n.type === 'identifier' && n.text === v.name) return 'same';
    if (n.type === 'compound_statement') return this.statementExpressionBounds(v, n);
    const alloc = allocationBytes(this.unit, n);
    if (alloc) return alloc.args.every((a) => isPureText(a)) ? { lo: v.name, hi: `${v.name} + (long long)(${alloc.bytes}) / (long long)sizeof(*(${v.name}))` } : 'unbounded';
    const returned = seqReturnBounds(this.unit, n, v.name);
    if (returned) return returned;
    const one = singleObject(n);
    if (one) {
      // &x, &s->f: one object of its type (Deputy's bounds for an address taken), unless cast to another type.
      if (cast || mentions(one) || !isPure(one)) return 'unbounded';
      const at = `&(${this.text(one)})`;
      return { lo: at, hi: `${at} + 1` };
    }
    const b = pointerBase(n);
    if (!b) return 'unbounded';
    if (b.type === 'compound_statement') return this.statementExpressionBounds(v, b);
    if (b.type === 'identifier' && b.text === v.name) return 'same';
    if (mentions(b)) return 'unbounded';
    const f = this.facts(b);
    if (!f || !isPureText(b)) return 'unbounded';
    // The SAFE default of an unannotated pointer says little about what it really points to
    // (a void * buffer, an array nobody annotated, container_of's (char *)p - offset): only a
    // plain variable of the same type keeps its one-object bound (as before inference reached fields).
    let inner = b;
    while ((inner.type === 'parenthesized_expression' || inner.type === 'cast_expression') && inner.namedChildren.length > 0) {
      if (inner.type === 'cast_expression') cast = true;
      inner = inner.namedChildren[inner.namedChildren.length - 1];
    }
    const innerFacts = inner === b ? f : this.facts(inner);
    if (!innerFacts || (innerFacts.safe && !innerFacts.explicitSafe && (inner.type !== 'identifier' || cast))) return 'unbounded';
    // A bound counted in another type's elements does not carry over (a `void *` handed to a `struct x *`).
    if (inner.type === 'identifier' && !this.sameType(v, inner)) return 'unbounded';
    if (f.bound.kind === 'range') return { lo: f.bound.lo, hi: f.bound.hi };
    if (f.bound.kind === 'count' && !f.nt) return { lo: f.text, hi: `${f.text} + (${f.bound.count})` };
    return 'unbounded';
  }

  /**
   * GNU `({ T x = V1; if (c) x = V2; ...; x; })`: x's bounds, when every value given to x
   * inside points into the same object (its text agrees and names nothing declared inside).
   * Fault injection writes a corrupted pointer this way (srccorrupt's bit flip, a schemata
   * selection between the original and the mutant): the bounds stay those of the object the
   * code meant, so a corrupted pointer that leaves it is caught where it is used.
   */
  private statementExpressionBounds(v: VarInfo, block: Parser.SyntaxNode): SourceBounds {
    const last = block.namedChildren.filter((c) => c.type !== 'comment').pop();
    const x = last?.type === 'expression_statement' && last.namedChildCount === 1 ? last.namedChild(0)! : undefined;
    if (!x || x.type !== 'identifier' || x.text === v.name) return 'unbounded';
    const inner = new Set(block.descendantsOfType('declaration').flatMap((d) => d.descendantsOfType('identifier').filter((id) => this.vars.lookup(id.text, x.startIndex)?.info.declarationNode?.id === d.id).map((id) => id.text)));
    if (!inner.has(x.text)) return this.sourceBounds(v, x);
    const values: Parser.SyntaxNode[] = [];
    for (const d of block.descendantsOfType('init_declarator')) {
      const id = d.childForFieldName('declarator');
      const value = d.childForFieldName('value');
      if (id && value && id.descendantsOfType('identifier').concat(id.type === 'identifier' ? [id] : []).some((i) => i.text === x.text)) values.push(value);
    }
    for (const a of block.descendantsOfType('assignment_expression')) {
      if (this.inFaultMutant(a, block)) continue;
      const left = a.childForFieldName('left');
      const value = a.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === x.text && a.childForFieldName('operator')?.text === '=' && value) values.push(value);
    }
    let bounds: SourceBounds = 'unbounded';
    for (const value of values) {
      const b = this.sourceBounds(v, value);
      if (typeof b !== 'object') return 'unbounded';
      if (typeof bounds === 'object' && (bounds.lo !== b.lo || bounds.hi !== b.hi)) return 'unbounded';
      bounds = b;
    }
    if (typeof bounds !== 'object') return 'unbounded';
    const names = [...`${bounds.lo} ${bounds.hi}`.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]);
    return names.some((nm) => inner.has(nm)) ? 'unbounded' : bounds;
  }

  /**
   * Inside `if (fgft_fault_active(k)) <mutant>; else <original>;` (fault injection's
   * schemata build): the mutant's value takes the original's bounds, so a fault that is
   * compiled in but not active never costs the checks of the code around it.
   */
  private inFaultMutant(n: Parser.SyntaxNode, block: Parser.SyntaxNode): boolean {
    for (let child = n, p = this.parentOf(n); p && child.id !== block.id; child = p, p = this.parentOf(p)) {
      if (p.type !== 'if_statement' || p.childForFieldName('consequence')?.id !== child.id) continue;
      if (/^\(\s*fgft_fault_active\s*\(/.test(this.text(p.childForFieldName('condition')!))) return true;
    }
    return false;
  }

  /**
   * Hidden bounds for a local declared in a block that is not address-taken:
   * only worth it when some value stored into it has bounds.
   */
  private hiddenBounds(v: VarInfo, ws: ResolverWrite[]): PtrFacts | undefined {
    const decl = v.info.declarationNode;
    const place = decl?.type === 'declaration' ? this.parentOf(decl)?.type : undefined;
    if (!decl || (place !== 'compound_statement' && place !== 'for_statement')) return undefined;
    if (ws.some((w) => w.op === '&')) {
      // Address taken: stores through local aliases count as p's own writes; an escaping address gives no bounds.
      const stores = aliasStores(this, v, ws);
      if (!stores) return undefined;
      stores.forEach((st) => this.writes.addWrite({ name: v.name, field: false, node: st.node, op: st.op, value: st.value }));
      ws = [...ws, ...stores];
    }
    const names = hiddenNames(v.name);
    const plan: HiddenBounds = { variable: v, ...names, declaration: decl, initial: 'unbounded', updates: [] };
    const inline = hiddenDeclarators(this.unit.text, v, decl, place === 'for_statement');
    if (inline === null) return undefined;
    if (inline) plan.forInit = inline;
    for (const w of ws) {
      if (w.op === 'init') {
        if (w.value) plan.initial = this.sourceBounds(v, w.value);
        continue;
      }
      if (w.op !== '=') continue; // p++, p += k keep the bounds
      const parent = this.parentOf(w.node);
      const valueUsed = !(parent?.type === 'expression_statement' || (parent?.type === 'for_statement' && parent.childForFieldName('condition')?.id !== w.node.id));
      plan.updates.push({ assignment: w.node, valueUsed, bounds: w.value ? this.sourceBounds(v, w.value) : 'unbounded' });
    }
    const all = [plan.initial, ...plan.updates.map((u) => u.bounds)];
    if (!all.some((b) => typeof b === 'object')) return undefined;
    // An assignment used as a statement or inside an expression both take the comma form.
    this.hidden.push(plan);
    return pointerFacts({
      text: v.name,
      bound: { kind: 'range', lo: names.lo, hi: names.hi },
      nullable: true,
      dependsOn: new Set([v.name, names.lo, names.hi]),
      origin: { declOffset: v.info.node.startIndex, describe: `'${v.name}' declared here (bounds kept in ${names.lo}/${names.hi})` },
    });
  }

  /**
   * p = malloc(size) (or any allocator) as p's only value, p never moved and
   * nothing in `size` changed afterwards: p has size / sizeof(*p) elements.
   */
  private inferAllocation(v: VarInfo, ws: ResolverWrite[]): PtrFacts | undefined {
    if (ws.length !== 1 || !ws[0].value) return undefined;
    let value = ws[0].value;
    while ((value.type === 'cast_expression' || value.type === 'parenthesized_expression') && value.namedChildren.length > 0) value = value.namedChildren[value.namedChildren.length - 1];
    const alloc = allocationBytes(this.unit, value);
    if (!alloc || alloc.args.some((a) => !isPureText(a))) return undefined;
    const names = new Set(alloc.args.flatMap((a) => [...this.text(a).matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0])));
    const after = ws[0].node.endIndex;
    if ([...names].some((nm) => this.writes.writtenIn(nm, after, this.vars.fn.endIndex))) return undefined;
    const count = famAllocationCount(this, v, alloc.bytes) ?? `(long long)(${alloc.bytes}) / (long long)sizeof(*(${v.name}))`;
    return pointerFacts({
      text: v.name,
      bound: { kind: 'count', count },
      nullable: true,
      dependsOn: names,
      origin: { declOffset: v.info.node.startIndex, describe: `bounds of '${v.name}' inferred from its allocation` },
    });
  }

  private computeInferred(v: VarInfo): PtrFacts | undefined {
    const ws0 = this.writes.of(v.name).filter((w) => w.node.startIndex >= v.scopeStart && w.node.startIndex <= v.scopeEnd);
    return this.staticBounds(v) ?? this.hiddenBounds(v, ws0);
  }

  private staticBounds(v: VarInfo): PtrFacts | undefined {
    const ws = this.writes.of(v.name).filter((w) => w.node.startIndex >= v.scopeStart && w.node.startIndex <= v.scopeEnd);
    const fromAllocation = this.inferAllocation(v, ws);
    if (fromAllocation) return fromAllocation;
    let source: Parser.SyntaxNode | undefined;
    for (const w of ws) {
      if (w.op === '&') return undefined;
      if (w.op === '++' || w.op === '--' || w.op === '+=' || w.op === '-=') continue;
      if (!w.value) return undefined;
      const b = baseObject(w.value);
      if (!b) return undefined;
      if (b.text === v.name) continue;
      if (source && source.text !== b.text) return undefined;
      source = b;
    }
    if (!source) return undefined;
    const bv = this.vars.lookup(source.text, source.startIndex);
    if (!bv || (bv.kind === 'local' && bv.annotations.length === 0 && !isArrayDeclarator(bv.info))) return undefined;
    // B's bound counts B's elements: it says nothing about v's if their types differ (void * data -> struct x *).
    if (!sameElementType(v, bv)) return undefined;
    const bf = this.facts(source);
    if (!bf || bf.bound.kind !== 'count' || bf.nt) return undefined;
    // B and everything its bound depends on must be fixed for the whole function.
    const fnBody = this.vars.fn;
    for (const name of [bv.name, ...bf.dependsOn]) {
      if (this.writes.writtenIn(name, fnBody.startIndex, fnBody.endIndex) && !(name === bv.name && isArrayDeclarator(bv.info))) return undefined;
    }
    return pointerFacts({
      text: v.name,
      bound: { kind: 'range', lo: bv.name, hi: `${bv.name} + (${bf.bound.count})` },
      nullable: bf.nullable,
      dependsOn: new Set([bv.name, ...bf.dependsOn]),
      origin: { declOffset: v.info.node.startIndex, describe: `bounds of '${v.name}' inferred from '${bv.name}'` },
    });
  }
}

export interface ResolverWrite {
  op: string;
  value?: Parser.SyntaxNode;
  node: Parser.SyntaxNode;
}

/** The object a pointer value is derived from: B in B, B + k, B - k, &B[k], (T *)B. */
function baseObject(n: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  switch (n.type) {
    case 'parenthesized_expression':
      return n.namedChild(0) ? baseObject(n.namedChild(0)!) : undefined;
    case 'identifier':
      return n;
    case 'binary_expression': {
      const op = n.childForFieldName('operator')?.text;
      if (op !== '+' && op !== '-') return undefined;
      return identifierOf(n.childForFieldName('left'));
    }
    case 'pointer_expression': {
      if (n.childForFieldName('operator')?.text !== '&') return undefined;
      const a = n.childForFieldName('argument');
      return a && a.type === 'subscript_expression' ? identifierOf(a.childForFieldName('argument')) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The pointer expression a value stored into a local points into: P in P,
 * P + k, P - k and &P[k], where P is a variable, a field (r->info) or a cast.
 */
function pointerBase(n: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  const unwrap = (x: Parser.SyntaxNode | null): Parser.SyntaxNode | undefined => {
    while (x && x.type === 'parenthesized_expression' && x.namedChildren.length === 1) x = x.namedChild(0);
    return x ?? undefined;
  };
  let b: Parser.SyntaxNode | undefined = n;
  if (n.type === 'binary_expression') {
    const op = n.childForFieldName('operator')?.text;
    b = op === '+' || op === '-' ? unwrap(n.childForFieldName('left')) : undefined;
  } else if (n.type === 'pointer_expression') {
    const a = n.childForFieldName('operator')?.text === '&' ? unwrap(n.childForFieldName('argument')) : undefined;
    b = a && a.type === 'subscript_expression' ? unwrap(a.childForFieldName('argument')) : undefined;
  }
  return b && ['identifier', 'field_expression', 'cast_expression', 'parenthesized_expression', 'compound_statement'].includes(b.type) ? b : undefined;
}

/** X in `&X` when X is a variable or a field (not an element: &B[k] points into B). */
function singleObject(n: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  if (n.type !== 'pointer_expression' || n.childForFieldName('operator')?.text !== '&') return undefined;
  let a = n.childForFieldName('argument');
  while (a && a.type === 'parenthesized_expression' && a.namedChildCount === 1) a = a.namedChild(0);
  return a && (a.type === 'identifier' || a.type === 'field_expression') ? a : undefined;
}

function stripOneLevel(type: string): string {
  const t = type.trim();
  if (/\]$/.test(t)) return t.replace(/\s*\[[^\]]*\]$/, '');
  return t.replace(/\s*\*\s*(const|volatile|restrict)?\s*$/, '');
}

function stringLength(lit: string): number | undefined {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(lit);
  if (!m) return undefined;
  return m[1].replace(/\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)/g, 'x').length;
}

function byteOrderWrap(count: string, order: 'le' | 'be' | undefined): string {
  // fgftc targets little-endian hosts (x86-64, arm64): le counts are read as is.
  if (order !== 'be') return count;
  return `(sizeof(${count}) == 2 ? __builtin_bswap16(${count}) : sizeof(${count}) == 4 ? __builtin_bswap32(${count}) : __builtin_bswap64(${count}))`;
}

/** Facts for a declared pointer or array from its annotations (or the SAFE default). */
export function factsFor(
  text: string,
  info: DeclaratorInfo,
  annotations: Annotation[],
  rename: (name: string) => string,
  lookup: (name: string) => bigint | undefined,
): PtrFacts {
  const thisRename = (x: string): string => (x === '__this' ? text : rename(x));
  const deps = new Set<string>();
  const facts: PtrFacts = {
    text,
    bound: { kind: 'count', count: '1', countValue: 1n },
    nullable: true,
    nt: false,
    ntKnown: '0',
    safe: true,
    explicitSafe: false,
    isArray: false,
    dependsOn: deps,
    origin: { declOffset: info.node.startIndex, describe: `'${info.name}' declared here` },
  };
  const countBound = (e: BoundExpr, wrap: (s: string) => string = (s) => s): void => {
    freeNames(e).forEach((n) => deps.add(n));
    const v = constValue(e, lookup);
    facts.bound = { kind: 'count', count: wrap(render(e, thisRename)), countExpr: e, countValue: v };
    facts.safe = false;
  };
  if (isArrayDeclarator(info)) {
    facts.isArray = true;
    facts.nullable = false;
    facts.safe = false;
    // The dimension nearest the name is the one the first index runs over (`int a[3][4]`: 3).
    const size = info.arraySizes[info.arraySizes.length - 1];
    if (size === '') facts.bound = { kind: 'unknown' };
    else {
      const v = /^\d+$/.test(size) ? BigInt(size) : lookup(size);
      facts.bound = { kind: 'count', count: v !== undefined ? String(v) : `(long long)(sizeof(${text}) / sizeof((${text})[0]))`, countValue: v };
    }
  }
  for (const a of annotations) {
    facts.origin = { annotation: a, declOffset: a.attribute.start, describe: `'${info.name}' declared ${a.spelling} here` };
    switch (a.kind) {
      case 'count':
        countBound(a.args[0], (s) => byteOrderWrap(s, a.byteOrder));
        if (a.orNull) facts.nullable = true;
        else if (!facts.isArray) facts.nullable = false;
        break;
      case 'size':
        countBound(a.args[0], (s) => `(${s}) / (long long)sizeof(*(${text}))`);
        facts.bound = { ...facts.bound, countValue: undefined } as PtrFacts['bound'];
        facts.nullable = a.orNull;
        break;
      case 'bnd':
      case 'ended-by': {
        const lo = a.kind === 'bnd' ? render(a.args[0], thisRename) : text;
        const hiExpr = a.kind === 'bnd' ? a.args[1] : a.args[0];
        a.args.forEach((e) => freeNames(e).forEach((n) => n !== '__this' && deps.add(n)));
        facts.bound = { kind: 'range', lo, hi: render(hiExpr, thisRename) };
        facts.safe = false;
        facts.nullable = false;
        break;
      }
      case 'safe':
        facts.bound = { kind: 'count', count: '1', countValue: 1n };
        facts.safe = true;
        facts.explicitSafe = true;
        break;
      case 'nonnull':
        facts.nullable = false;
        break;
      case 'opt':
        facts.nullable = true;
        break;
      case 'nt':
        facts.nt = true;
        facts.safe = false;
        if (facts.bound.kind === 'count' && facts.bound.count === '1' && !facts.isArray) facts.bound = { kind: 'unknown' };
        break;
      case 'ntc':
        facts.nt = true;
        facts.safe = false;
        facts.ntKnown = render(a.args[0], thisRename);
        freeNames(a.args[0]).forEach((n) => deps.add(n));
        if (!facts.isArray) facts.bound = { kind: 'unknown' };
        break;
      case 'seq':
        facts.safe = false;
        facts.bound = { kind: 'unknown' };
        break;
      default:
        break;
    }
  }
  // NT with an explicit count: the count elements plus the terminator.
  if (facts.nt && facts.bound.kind === 'count' && !facts.isArray && annotations.some((a) => a.kind === 'count')) {
    facts.ntKnown = facts.bound.count;
    facts.bound = { kind: 'unknown' };
  }
  return facts;
}

/** Identifiers, literals, sizeof and arithmetic only: safe to evaluate again. */
function isPureText(n: Parser.SyntaxNode): boolean {
  if (['call_expression', 'assignment_expression', 'update_expression'].includes(n.type)) return false;
  return n.namedChildren.every(isPureText);
}

/** The type of what a pointer or array variable holds: `T` for `T *` and for `T [N]` (qualifiers ignored). */
function elementType(v: VarInfo): string {
  const t = v.info.type.replace(/\b(const|volatile|restrict|__restrict)\b/g, '').replace(/\s+/g, '');
  if (t.endsWith('*')) return t.slice(0, -1);
  const bracket = t.indexOf('[');
  return bracket >= 0 ? t.slice(0, bracket) + t.slice(t.indexOf(']', bracket) + 1) : t;
}

function sameElementType(a: VarInfo, b: VarInfo): boolean {
  return elementType(a) === elementType(b);
}

/** A local whose bounds cannot be inferred: only null-checked where it is used. */
function unknownLocal(v: VarInfo, text: string): PtrFacts {
  return {
    text,
    bound: { kind: 'unknown' },
    nullable: true,
    nt: false,
    ntKnown: '0',
    safe: false,
    explicitSafe: false,
    isArray: false,
    dependsOn: new Set(),
    origin: { declOffset: v.info.node.startIndex, describe: `'${v.name}' declared here (bounds not inferred)` },
  };
}

/** Is the declared thing an array (`T *a[4]`, `int a[3][4]`), not a pointer (`T (*p)[4]`)? */
export function isArrayDeclarator(info: DeclaratorInfo): boolean {
  if (info.arraySizes.length === 0) return false;
  let n: Parser.SyntaxNode | null = info.node.type === 'init_declarator' ? info.node.childForFieldName('declarator') : info.node;
  let last: string | undefined;
  while (n && n.type !== 'identifier' && n.type !== 'field_identifier') {
    if (n.type !== 'parenthesized_declarator') last = n.type;
    n = n.childForFieldName('declarator') ?? (n.type === 'parenthesized_declarator' ? n.namedChild(0) : null);
  }
  return last === 'array_declarator';
}
