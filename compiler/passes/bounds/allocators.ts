// Allocation functions and the number of bytes a call returns: the built-in
// ones (malloc, kmalloc, ...) and any function declared DALLOC(size).
import type Parser from 'tree-sitter';
import { render } from '../../../annotations/bound-expr.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import { annotationsOfAttributes } from './annotations-of.js';

/** Argument positions whose product is the size in bytes. */
const BUILTIN: Record<string, number[]> = {
  malloc: [0],
  kmalloc: [0],
  kzalloc: [0],
  vmalloc: [0],
  vzalloc: [0],
  devm_kzalloc: [1],
  calloc: [0, 1],
  kcalloc: [0, 1],
  kmalloc_array: [0, 1],
  realloc: [1],
  krealloc: [1],
};

/** C text of the byte size a call allocates, if it is an allocation call. */
export function allocationBytes(unit: ParsedUnit, call: Parser.SyntaxNode): { bytes: string; args: Parser.SyntaxNode[] } | undefined {
  if (call.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'identifier') return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const text = (n: Parser.SyntaxNode): string => `(${unit.text.slice(n.startIndex, n.endIndex)})`;
  const builtin = BUILTIN[fn.text];
  if (builtin) {
    if (builtin.some((k) => !args[k])) return undefined;
    return { bytes: builtin.map((k) => text(args[k])).join(' * '), args: builtin.map((k) => args[k]) };
  }
  const sym = unit.symbols.function(fn.text);
  const dalloc = sym ? annotationsOfAttributes(sym.attributes).find((a) => a.kind === 'dalloc' || a.kind === 'drealloc') : undefined;
  if (!sym || !dalloc) return undefined;
  const sizeArg = dalloc.args[dalloc.args.length - 1];
  const byName = new Map(sym.parameters.map((p, k) => [p.name, args[k]]));
  const used: Parser.SyntaxNode[] = [];
  const bytes = render(sizeArg, (x) => {
    const a = byName.get(x);
    if (a) used.push(a);
    return a ? text(a) : x;
  });
  return { bytes, args: used };
}
