// Lint rule: pointer arithmetic (p + k, p++, p[i] with i not 0) on an
// unannotated pointer parameter of an interface (non-static) function. Such a
// pointer is SAFE by default, so the arithmetic is either a bug or a missing
// COUNT/BND annotation on the interface.
import type Parser from 'tree-sitter';
import { annotationsOf } from '../passes/bounds/annotations-of.js';
import type { Pass } from '../passes/pass.js';

export const RULE = 'bounds/unannotated-arith';

function usesArithmetic(body: Parser.SyntaxNode, name: string): Parser.SyntaxNode | undefined {
  const isName = (n: Parser.SyntaxNode | null): boolean => !!n && n.type === 'identifier' && n.text === name;
  let found: Parser.SyntaxNode | undefined;
  const visit = (n: Parser.SyntaxNode): void => {
    if (found) return;
    const op = n.childForFieldName('operator')?.text;
    if (n.type === 'binary_expression' && (op === '+' || op === '-') && (isName(n.childForFieldName('left')) || (op === '+' && isName(n.childForFieldName('right'))))) found = n;
    else if (n.type === 'update_expression' && isName(n.childForFieldName('argument'))) found = n;
    else if (n.type === 'assignment_expression' && (op === '+=' || op === '-=') && isName(n.childForFieldName('left'))) found = n;
    else if (n.type === 'subscript_expression' && isName(n.childForFieldName('argument')) && n.childForFieldName('index')?.text.trim() !== '0') found = n;
    for (const c of n.namedChildren) visit(c);
  };
  visit(body);
  return found;
}

export const unannotatedArithmeticPass: Pass = {
  name: 'lint-unannotated-arith',
  description: 'warn about pointer arithmetic on unannotated parameters of interface functions',
  enabled: () => true,
  run(ctx) {
    for (const f of ctx.unit.functions) {
      if (!f.inMainFile || f.hasParseError) continue;
      const sym = ctx.unit.symbols.function(f.name);
      const body = f.node.childForFieldName('body');
      if (!sym || !body || sym.storage.includes('static')) continue;
      for (const p of sym.parameters) {
        if (!p.name || p.pointerDepth === 0 || p.isFunctionPointer || annotationsOf(p).length > 0) continue;
        const use = usesArithmetic(body, p.name);
        if (!use) continue;
        ctx.diagnostics.warning(
          ctx.unit.lineMap.locate(use.startIndex),
          `pointer arithmetic on unannotated parameter '${p.name}' of interface function '${f.name}'`,
          RULE,
          [{ severity: 'note', location: ctx.unit.lineMap.locate(p.node.startIndex), message: `annotate '${p.name}' with COUNT(n), BND(lo, hi) or NT (unannotated pointers are SAFE: one element)` }],
        );
      }
    }
  },
};
