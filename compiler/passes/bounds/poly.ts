// Deputy's parametric polymorphism, checked at compile time. `void *TV(t) p`
// says p points to values of the type variable t.
//  - Functions (POLY, or any TV on a parameter or the return value): every
//    call instantiates t afresh; all arguments bound to t must point to the
//    same type, and a TV(t) return value has that type where it is stored.
//    Inside the function t is abstract: a TV(t) value may not be stored as,
//    nor returned from, a concrete pointer type, nor mixed with TV(u).
//  - Structs (TP(t) on the struct, TV(t) on fields): each object (named by
//    the expression it is reached through, `s` or `p->inner`) instantiates t
//    once; its TV(t) fields must all be given pointers to the same type, and
//    read back as that type.
// Types are compared as written, without qualifiers; a value whose pointee
// type is unknown (a plain `void *`, NULL, a call) is not compared.
import type Parser from 'tree-sitter';
import type { Annotation } from '../../../annotations/language.js';
import type { DeclaratorInfo, FunctionSymbol } from '../../frontend/symbols.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import { annotationsOf, annotationsOfAttributes } from './annotations-of.js';
import { type CheckContext, NULL_TEXT, identifierOfDeclarator } from './check-context.js';
import type { PtrFacts } from './facts.js';
import { isArrayDeclarator } from './resolve.js';

/** A pointee type: concrete (`int`, `struct x`) or a type variable of the function being checked (`TV(t)`). */
interface Pointee {
  type: string;
  text: string; // the expression it comes from, for messages
}

interface PolySignature {
  params: Map<number, Annotation>; // parameter index -> its TV
  ret?: Annotation;
}

const RULE = 'bounds/poly';

function normalise(type: string): string {
  return type
    .replace(/\b(const|volatile|restrict|__restrict|__restrict__)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*/g, '*')
    .trim();
}

/** The type a value of type `t` points to (`int *` -> `int`, `char [8]` -> `char`); undefined for non-pointers. */
export function pointeeOfType(t: string): string | undefined {
  const n = normalise(t);
  const arr = /^(.*?)\s*\[[^\]]*\](.*)$/.exec(n);
  if (arr) return normalise(arr[1] + arr[2]);
  if (n.endsWith('*')) return normalise(n.slice(0, -1));
  return undefined;
}

const isVoid = (t: string | undefined): boolean => t === undefined || t === 'void';

/** A note-only PtrFacts: where the diagnostic's note points. */
function noteAt(offset: number, describe: string): PtrFacts {
  return { text: '', bound: { kind: 'unknown' }, nullable: true, nt: false, ntKnown: '0', safe: false, explicitSafe: false, isArray: false, dependsOn: new Set(), origin: { declOffset: offset, describe } };
}

function tvOf(anns: Annotation[]): Annotation | undefined {
  return anns.find((a) => a.kind === 'tv');
}

/** TV annotations of a function's parameters and return value; undefined when it has none. */
export function polySignature(c: CheckContext, sym: FunctionSymbol): PolySignature | undefined {
  const params = new Map<number, Annotation>();
  sym.parameters.forEach((p, k) => {
    const tv = tvOf(annotationsOf(p));
    if (tv) params.set(k, tv);
  });
  const list = sym.node.descendantsOfType('parameter_list')[0];
  const declStart = sym.node.type === 'function_definition' ? sym.node.startIndex : sym.start;
  const ret = list ? tvOf(annotationsOfAttributes(c.unit.attributes.filter((a) => a.start >= declStart && a.start < list.startIndex))) : undefined;
  return params.size > 0 || ret ? { params, ret } : undefined;
}

const usesTypeVariables = new WeakMap<ParsedUnit, boolean>();

/** Polymorphism checks for one function body (`fn` is its function_definition); nothing to do in units without TV. */
export function polymorphismChecks(c: CheckContext, fn: Parser.SyntaxNode): void {
  let any = usesTypeVariables.get(c.unit);
  if (any === undefined) usesTypeVariables.set(c.unit, (any = c.unit.attributes.some((a) => a.name === 'fgft_tv')));
  if (any) new PolyChecker(c, fn).run();
}

class PolyChecker {
  private readonly signatures = new Map<string, PolySignature | null>();
  /** Struct objects: `instance|t` -> the first pointee given to a TV(t) field of it. */
  private readonly instances = new Map<string, Pointee & { at: number }>();
  private readonly ownReturn?: Annotation;

  constructor(
    private readonly c: CheckContext,
    private readonly fn: Parser.SyntaxNode,
  ) {
    let d: Parser.SyntaxNode | null = fn.childForFieldName('declarator');
    while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
    const name = d?.childForFieldName('declarator');
    const sym = name?.type === 'identifier' ? c.unit.symbols.function(name.text) : undefined;
    const list = d?.childForFieldName('parameters');
    if (sym && list) this.ownReturn = tvOf(annotationsOfAttributes(c.unit.attributes.filter((a) => a.start >= fn.startIndex && a.start < list.startIndex)));
  }

  run(): void {
    const body = this.fn.childForFieldName('body');
    if (!body) return;
    // Struct instances first (every field store), then the uses that read them.
    for (const a of body.descendantsOfType('assignment_expression')) this.fieldStore(a);
    for (const d of body.descendantsOfType('init_declarator')) this.initialiserList(d);
    for (const call of body.descendantsOfType('call_expression')) this.instantiate(call, true);
    for (const d of body.descendantsOfType('init_declarator')) {
      const id = d.childForFieldName('declarator');
      const value = d.childForFieldName('value');
      const name = id ? identifierOfDeclarator(id) : undefined;
      const v = name ? this.c.r.vars.lookup(name.text, name.endIndex) : undefined;
      if (v && value && value.type !== 'initializer_list') this.store(value, this.targetOf(v.info, v.annotations), `'${v.name}'`);
    }
    for (const a of body.descendantsOfType('assignment_expression')) {
      if (a.childForFieldName('operator')?.text !== '=') continue;
      const left = a.childForFieldName('left')!;
      const decl = this.c.r.declOf(left);
      if (!decl || left.type === 'subscript_expression' || left.type === 'pointer_expression') continue;
      if (left.type === 'field_expression' && tvOf(annotationsOf(decl))) continue; // a struct instance: fieldStore
      this.store(a.childForFieldName('right')!, this.targetOf(decl, annotationsOf(decl)), `'${this.c.r.text(left)}'`);
    }
    if (this.ownReturn) {
      const t = `TV(${this.ownReturn.typeVariable})`;
      for (const r of body.descendantsOfType('return_statement')) {
        const value = r.namedChild(0);
        const p = value ? this.pointee(value) : undefined;
        if (p && p.type !== t) this.c.error(value!.startIndex, `returning '${p.text}' (pointing to ${show(p.type)}) from a function whose result is ${t}`, RULE, noteAt(this.ownReturn.attribute.start, `result declared ${t} here`));
      }
    }
  }

  /** What a stored pointer must point to: a TV field/variable's type variable, or a concrete pointee. */
  private targetOf(info: DeclaratorInfo, anns: Annotation[]): string | undefined {
    const tv = tvOf(anns);
    if (tv) return `TV(${tv.typeVariable})`;
    if (info.isFunctionPointer || (info.pointerDepth === 0 && !isArrayDeclarator(info))) return undefined;
    return pointeeOfType(info.type);
  }

  /**
   * A value stored into a place whose pointee is `target`: compared only when
   * polymorphism is involved (the value is a TV value or a polymorphic call's
   * result, or the target is a type variable), so plain C conversions stay as they are.
   */
  private store(value: Parser.SyntaxNode, target: string | undefined, what: string): void {
    if (isVoid(target)) return;
    const p = this.pointee(value);
    if (!p || (!p.type.startsWith('TV(') && !target!.startsWith('TV(') && !this.isPolyValue(value))) return;
    if (p.type !== target) this.c.error(value.startIndex, `'${p.text}' points to ${show(p.type)} but ${what} points to ${show(target!)}`, RULE);
  }

  private isPolyValue(value: Parser.SyntaxNode): boolean {
    const v = unwrap(value);
    return v.type === 'call_expression' || (v.type === 'field_expression' && !!this.fieldTv(v));
  }

  /** Argument pointees of one call, unified per type variable; the instantiation of the result's variable. */
  private instantiate(call: Parser.SyntaxNode, report: boolean): Pointee | undefined {
    const fnNode = call.childForFieldName('function');
    if (!fnNode || fnNode.type !== 'identifier') return undefined;
    const sig = this.signature(fnNode.text);
    if (!sig) return undefined;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((x) => x.type !== 'comment') ?? [];
    const bound = new Map<string, Pointee & { param: Annotation }>();
    for (const [k, tv] of sig.params) {
      const arg = args[k];
      const p = arg ? this.pointee(arg) : undefined;
      if (!p) continue;
      const t = tv.typeVariable!;
      const first = bound.get(t);
      if (!first) bound.set(t, { ...p, param: tv });
      else if (first.type !== p.type && report) {
        this.c.error(arg!.startIndex, `'${p.text}' points to ${show(p.type)} but '${first.text}' (also of type variable '${t}' of '${fnNode.text}') points to ${show(first.type)}`, RULE, noteAt(tv.attribute.start, `type variable '${t}' declared here`));
      }
    }
    const r = sig.ret ? bound.get(sig.ret.typeVariable!) : undefined;
    return r ? { type: r.type, text: this.c.r.text(call) } : undefined;
  }

  private signature(name: string): PolySignature | undefined {
    if (!this.signatures.has(name)) {
      const sym = this.c.unit.symbols.function(name);
      this.signatures.set(name, (sym && polySignature(this.c, sym)) ?? null);
    }
    return this.signatures.get(name) ?? undefined;
  }

  /** TV(t) of the field an expression names, with the instance key. */
  private fieldTv(n: Parser.SyntaxNode): { tv: Annotation; key: string } | undefined {
    const f = this.c.r.fieldOf(n);
    const tv = f ? tvOf(annotationsOf(f.field)) : undefined;
    if (!f || !tv) return undefined;
    // `s.f` and `(&s)->f` name the same object; `p->f` is the object p points to.
    const base = this.c.r.text(f.base).replace(/\s+/g, '');
    return { tv, key: `${f.op === '->' ? `*${base}` : base}|${tv.typeVariable}` };
  }

  /** `x.f = v` with f TV(t): the instance x's t must be v's pointee throughout. */
  private fieldStore(a: Parser.SyntaxNode): void {
    if (a.childForFieldName('operator')?.text !== '=') return;
    const left = unwrap(a.childForFieldName('left')!);
    if (left.type !== 'field_expression') return;
    const ft = this.fieldTv(left);
    const value = a.childForFieldName('right')!;
    if (ft) this.bindInstance(ft.key, ft.tv, value, this.c.r.text(left));
  }

  /** `struct pair s = { .a = &x, .b = &c }` and positional initialisers. */
  private initialiserList(d: Parser.SyntaxNode): void {
    const id = d.childForFieldName('declarator');
    const list = d.childForFieldName('value');
    const name = id ? identifierOfDeclarator(id) : undefined;
    if (!name || list?.type !== 'initializer_list') return;
    const v = this.c.r.vars.lookup(name.text, name.endIndex);
    const record = v && v.info.pointerDepth === 0 && !isArrayDeclarator(v.info) ? this.c.r.recordOf(v.info) : undefined;
    if (!record) return;
    let position = 0;
    for (const item of list.namedChildren) {
      if (item.type === 'comment') continue;
      let field = record.fields[position];
      let value = item;
      if (item.type === 'initializer_pair') {
        const designator = item.childForFieldName('designator') ?? item.namedChild(0);
        const fname = designator?.type === 'field_designator' ? designator.namedChild(0)?.text : undefined;
        field = fname ? record.field(fname)! : field;
        value = item.childForFieldName('value') ?? item.namedChildren[item.namedChildren.length - 1];
        position = field ? record.fields.indexOf(field) : position;
      }
      position++;
      const tv = field ? tvOf(annotationsOf(field)) : undefined;
      if (field && tv) this.bindInstance(`${name.text}|${tv.typeVariable}`, tv, value, `${name.text}.${field.name}`);
    }
  }

  private bindInstance(key: string, tv: Annotation, value: Parser.SyntaxNode, what: string): void {
    const p = this.pointee(value);
    if (!p || p.type.startsWith('TV(')) return;
    const first = this.instances.get(key);
    if (!first) {
      this.instances.set(key, { ...p, at: value.startIndex });
      return;
    }
    if (first.type !== p.type) {
      this.c.error(value.startIndex, `'${what}' is given '${p.text}' (pointing to ${show(p.type)}) but this object's type variable '${tv.typeVariable}' is already ${show(first.type)} (from '${first.text}')`, RULE, noteAt(tv.attribute.start, `field declared ${tv.spelling} here`));
    }
  }

  /** What a pointer-valued expression points to, when that is known. */
  private pointee(n: Parser.SyntaxNode): Pointee | undefined {
    const v = unwrap(n);
    const text = this.c.r.text(v);
    if (NULL_TEXT.test(text.trim())) return undefined;
    const known = (type: string | undefined): Pointee | undefined => (isVoid(type) ? undefined : { type: type!, text });
    switch (v.type) {
      case 'string_literal':
        return { type: 'char', text };
      case 'pointer_expression': {
        if (v.childForFieldName('operator')?.text !== '&') return undefined;
        const t = this.c.r.typeOf(v.childForFieldName('argument')!);
        return t ? known(normalise(t)) : undefined;
      }
      case 'cast_expression': {
        const t = v.childForFieldName('type');
        return t ? known(pointeeOfType(this.c.r.text(t))) : undefined;
      }
      case 'call_expression':
        return this.instantiate(v, false);
      case 'identifier': {
        const x = this.c.r.vars.lookup(v.text, v.startIndex);
        if (!x || x.info.isFunctionPointer) return undefined;
        const tv = tvOf(x.annotations);
        if (tv) return { type: `TV(${tv.typeVariable})`, text };
        if (x.info.pointerDepth === 0 && !isArrayDeclarator(x.info)) return undefined;
        return known(pointeeOfType(x.info.type));
      }
      case 'field_expression': {
        const ft = this.fieldTv(v);
        if (ft) {
          const inst = this.instances.get(ft.key);
          return inst ? { type: inst.type, text } : undefined;
        }
        const f = this.c.r.fieldOf(v);
        if (!f || f.field.isFunctionPointer || (f.field.pointerDepth === 0 && !isArrayDeclarator(f.field))) return undefined;
        return known(pointeeOfType(f.field.type));
      }
      default:
        return undefined;
    }
  }
}

function unwrap(n: Parser.SyntaxNode): Parser.SyntaxNode {
  let v = n;
  while (v.type === 'parenthesized_expression' && v.namedChildCount === 1) v = v.namedChild(0)!;
  return v;
}

function show(type: string): string {
  return type.startsWith('TV(') ? `type variable '${type.slice(3, -1)}'` : `'${type}'`;
}
