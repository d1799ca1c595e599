// Tagged unions: an access to a WHEN(e) member needs e.
import type Parser from 'tree-sitter';
import { render as renderExpr } from '../../../annotations/bound-expr.js';
import { annotationsOf } from './annotations-of.js';
import { type CheckContext, isPure } from './check-context.js';

/** s->u.f where f is WHEN(cond): cond must hold. */
export function unionMember(c: CheckContext, n: Parser.SyntaxNode): void {
  const fi = c.r.fieldOf(n);
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
  const prefix = c.r.text(container);
  const cond = renderExpr(when.args[0], (x) => (/^[A-Z_][A-Z0-9_]*$/.test(x) || c.unit.symbols.enumConstant(x) ? x : `${prefix}${op}${x}`));
  c.add({ check: { kind: 'union-tag', member: c.r.text(n), condition: cond }, form: 'wrap', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n });
}
