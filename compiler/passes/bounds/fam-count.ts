// Writes to the count of a flexible array member:
//   struct msg { int n; int data[] __counted_by(n); };
// Why: `m->n = 100` on an object allocated for 5 elements made every later
// `m->data[i]` check pass for i < 100. The count must stay within what the
// object really has (ANNOTATIONS.md, "Flexible array members"):
//  - when the object comes from an allocation this function made (m's only
//    value is `malloc(bytes)`, `kmalloc(struct_size(m, data, k), ...)`, ... with
//    side-effect free arguments nothing changes afterwards), the new count must
//    fit the allocation: 0 <= v <= (bytes - offsetof(data)) / sizeof(data[0]);
//  - otherwise (a parameter, an object from elsewhere) the count may only
//    shrink, 0 <= v <= old count, as for COUNT pointer fields.
// Both are dependent-write checks on the new value.
import type Parser from 'tree-sitter';
import { freeNames } from '../../../annotations/bound-expr.js';
import type { DeclaratorInfo } from '../../frontend/symbols.js';
import { allocationBytes } from './allocators.js';
import { annotationsOf } from './annotations-of.js';
import { type CheckContext, isPure } from './check-context.js';
import type { Resolver } from './resolve.js';
import type { VarInfo } from './variables.js';

/** The flexible array members whose count is the field `name` of `fields`. */
export function famsCountedBy(fields: readonly DeclaratorInfo[], name: string): DeclaratorInfo[] {
  return fields.filter((fl) => fl.pointerDepth === 0 && fl.arraySizes.length === 1 && fl.arraySizes[0] === '' && annotationsOf(fl).some((a) => a.kind === 'count' && a.args[0] !== undefined && freeNames(a.args[0]).has(name)));
}

/** No call, assignment or increment: the size can be evaluated again (offsetof and sizeof included). */
function sideEffectFree(n: Parser.SyntaxNode): boolean {
  // tree-sitter-c reads gcc's expansion of offsetof, __builtin_offsetof(T, m), as a call.
  if (n.type === 'call_expression') return n.childForFieldName('function')?.text === '__builtin_offsetof';
  if (n.type === 'assignment_expression' || n.type === 'update_expression') return false;
  return n.namedChildren.every(sideEffectFree);
}

function unwrapValue(n: Parser.SyntaxNode): Parser.SyntaxNode {
  while ((n.type === 'parenthesized_expression' || n.type === 'cast_expression') && n.namedChildren.length > 0) n = n.namedChildren[n.namedChildren.length - 1];
  return n;
}

/** Bytes of the allocation that is `base`'s only value, valid at `at`, or undefined. */
function allocatedBytes(c: CheckContext, base: Parser.SyntaxNode, at: number): string | undefined {
  if (base.type !== 'identifier') return undefined;
  const v = c.r.vars.lookup(base.text, base.startIndex);
  if (!v || v.kind === 'global') return undefined;
  const ws = c.r.writes.of(v.name).filter((w) => w.node.startIndex >= v.scopeStart && w.node.startIndex <= v.scopeEnd);
  const values = ws.filter((w) => w.value);
  if (values.length !== 1 || ws.some((w) => !w.value && w.op !== 'init')) return undefined;
  const w = values[0];
  if (w.node.endIndex > at) return undefined;
  const alloc = allocationBytes(c.unit, unwrapValue(w.value!));
  if (!alloc || !alloc.args.every(sideEffectFree)) return undefined;
  // The size must mean at `at` what it meant at the allocation.
  const names = new Set(alloc.args.flatMap((a) => a.descendantsOfType('identifier').concat(a.type === 'identifier' ? [a] : []).map((id) => id.text)));
  if ([...names].some((nm) => nm !== v.name && c.r.writes.writtenIn(nm, w.node.endIndex, at))) return undefined;
  return alloc.bytes;
}

/**
 * `s->n = v`, `s->n += k`, `s->n++` where n counts a flexible array member of
 * s's struct. Returns true when the target is such a count (the write is then
 * handled here, whatever was added).
 */
export function famCountWrite(c: CheckContext, n: Parser.SyntaxNode, target: Parser.SyntaxNode, op: string): boolean {
  if (target.type !== 'field_expression') return false;
  const fi = c.r.fieldOf(target);
  if (!fi) return false;
  const fams = famsCountedBy(fi.record.fields, fi.field.name);
  if (fams.length === 0) return false;
  if (annotationsOf(fi.field).some((a) => a.kind === 'assume-const')) return true;
  if (op === '--' || op === '-=' || !isPure(target)) return true; // shrinking keeps the bound true (a negative count reads as 0)
  const old = c.r.text(target);
  const right = n.type === 'assignment_expression' ? n.childForFieldName('right') : null;
  const newValue = op === '=' ? c.r.text(right!) : op === '++' ? `${old} + 1` : `${old} ${op.slice(0, -1)} (${c.r.text(right!)})`;
  const baseText = c.r.text(fi.base);
  const arrow = fi.op;
  const fam = `(${baseText})${arrow}${fams[0].name}`;
  const bytes = fi.op === '->' ? allocatedBytes(c, fi.base, n.startIndex) : undefined;
  const limit = bytes ? `((long long)(${bytes}) - (long long)((char *)${fam} - (char *)(${baseText}))) / (long long)sizeof(${fam}[0])` : old;
  const check = { kind: 'dependent-write' as const, newValue, oldValue: limit };
  if (op === '=') c.add({ check, form: 'wrap', operand: { start: right!.startIndex, end: right!.endIndex }, offset: n.startIndex, node: n });
  else c.add({ check, form: 'comma', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n });
  return true;
}

/**
 * How many structs an allocation of `bytes` gives a pointer to a struct with a
 * flexible array member. Why: `malloc(offsetof(struct s, data) + k)` may be
 * smaller than sizeof(struct s) (tail padding), yet its fixed fields are all
 * there: it holds one struct as soon as it reaches the flexible array.
 */
export function famAllocationCount(r: Resolver, v: VarInfo, bytes: string): string | undefined {
  if (v.info.pointerDepth !== 1) return undefined;
  const record = r.recordOf(v.info);
  const fam = record?.fields.find((fl) => fl.pointerDepth === 0 && fl.arraySizes.length === 1 && fl.arraySizes[0] === '');
  if (!fam) return undefined;
  const b = `(long long)(${bytes})`;
  const size = `(long long)sizeof(*(${v.name}))`;
  return `(${b} < (long long)__builtin_offsetof(__typeof__(*(${v.name})), ${fam.name}) ? 0 : ${b} < ${size} ? 1 : ${b} / ${size})`;
}
