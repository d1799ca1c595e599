// Dependent writes: storing into a count that a COUNT annotation depends on.
import type Parser from 'tree-sitter';
import { freeNames, type BoundExpr } from '../../../annotations/bound-expr.js';
import { annotationsOf } from './annotations-of.js';
import { type CheckContext, isPure } from './check-context.js';
import { identifierOf } from './writes.js';

function depNames(e: BoundExpr | undefined): Set<string> {
  return e ? freeNames(e) : new Set();
}

/**
 * `len = v` where some pointer is COUNT(len): the new count may only shrink
 * (0 <= v <= len), unless the pointer itself is assigned in the adjacent
 * statement (re-initialisation of the pair), or the count is ASSUMECONST.
 */
export function dependentWrite(c: CheckContext, n: Parser.SyntaxNode, target: Parser.SyntaxNode, value: Parser.SyntaxNode): void {
  const id = identifierOf(target);
  const name = id ? id.text : target.type === 'field_expression' ? target.childForFieldName('field')?.text : undefined;
  if (!name) return;
  let dependents: string[] = [];
  if (id) {
    dependents = c.r.vars.all().filter((v) => v.info.pointerDepth > 0 && v.annotations.some((a) => a.kind === 'count' && a.args[0] && depNames(a.args[0]).has(name))).map((v) => v.name);
  } else {
    const fi = c.r.fieldOf(target);
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
  c.add({ check: { kind: 'dependent-write', newValue: c.r.text(value), oldValue: c.r.text(target) }, form: 'wrap', operand: { start: value.startIndex, end: value.endIndex }, offset: n.startIndex, node: n });
}
