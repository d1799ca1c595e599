// Where a pointer is used: the base of `p->f`, of `*p` and of `p[i]`.
// Shared by nullptr and badptr, which corrupt the same places differently.
import type Parser from 'tree-sitter';
import type { FunctionDefinitionInfo } from '../../compiler/frontend/unit.js';
import { nodesOfType } from '../syntax.js';

export function pointerUses(fn: FunctionDefinitionInfo): Parser.SyntaxNode[] {
  const out: Parser.SyntaxNode[] = [];
  for (const n of nodesOfType(fn.node, 'field_expression', 'pointer_expression', 'subscript_expression')) {
    if (n.type === 'field_expression' && n.childForFieldName('operator')?.type !== '->') continue;
    if (n.type === 'pointer_expression' && n.childForFieldName('operator')?.type !== '*') continue;
    const base = n.childForFieldName('argument');
    if (base && base.type !== 'string_literal') out.push(base);
  }
  return out;
}
