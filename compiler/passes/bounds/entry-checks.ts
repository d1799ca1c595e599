// Interface functions (not static) can be called from unannotated code: on
// entry, check that annotated parameters and the counted fields of struct
// parameters are consistent (count >= 0, pointer non-null unless count is 0).
import type Parser from 'tree-sitter';
import { render } from '../../../annotations/bound-expr.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import { annotationsOf } from './annotations-of.js';
import type { CheckSite } from './sites.js';
import { fnName } from './variables.js';

export function entryChecks(unit: ParsedUnit, fn: Parser.SyntaxNode): CheckSite[] {
  const name = fnName(fn);
  const sym = name ? unit.symbols.function(name) : undefined;
  const body = fn.childForFieldName('body');
  if (!sym || !body || sym.storage.includes('static')) return [];
  const at = body.startIndex + 1;
  const out: CheckSite[] = [];
  const site = (ptr: string, count: string, orNull: boolean): CheckSite => ({
    check: { kind: 'count', ptr, count, orNull },
    form: 'statement',
    operand: { start: at, end: at },
    offset: body.startIndex,
    node: body,
  });
  for (const p of sym.parameters) {
    if (!p.name) continue;
    const count = annotationsOf(p).find((a) => a.kind === 'count' || a.kind === 'size');
    if (count && p.pointerDepth > 0) out.push(site(p.name, render(count.args[0]), count.orNull));
    if (p.pointerDepth !== 1) continue;
    const rec = unit.symbols.recordOfType(p.type.replace(/\*/g, ''));
    if (!rec) continue;
    for (const f of rec.fields) {
      const fc = annotationsOf(f).find((a) => a.kind === 'count' || a.kind === 'size');
      if (!fc || f.pointerDepth === 0) continue;
      const rename = (x: string): string => (rec.field(x) ? `${p.name}->${x}` : x);
      out.push(site(`${p.name} ? ${p.name}->${f.name} : 0`, `${p.name} ? (long long)(${render(fc.args[0], rename)}) : 0`, fc.orNull));
    }
  }
  return out;
}
