// Variables visible in a function: parameters, locals (by block scope) and
// globals, each with its declarator info and annotations.
import type Parser from 'tree-sitter';
import type { Annotation } from '../../../annotations/language.js';
import { AttributeIndex } from '../../frontend/attribute-index.js';
import { normaliseTypeText } from '../../frontend/declarators.js';
import type { DeclaratorInfo } from '../../frontend/symbols.js';
import type { Attribute, ParsedUnit } from '../../frontend/unit.js';
import { annotationsOf, type AnnotationProblem } from './annotations-of.js';

export interface VarInfo {
  name: string;
  kind: 'param' | 'local' | 'global';
  info: DeclaratorInfo;
  annotations: Annotation[];
  scopeStart: number; // visible from here ...
  scopeEnd: number; // ... to here
}

export function isUnsignedType(type: string): boolean {
  return /\b(unsigned|size_t|uint\d+_t|u8|u16|u32|u64|__u8|__u16|__u32|__u64|uintptr_t)\b/.test(type) && !/\*/.test(type);
}

/** Lookup of names at a byte offset inside one function. */
export class FunctionVariables {
  private readonly byName = new Map<string, VarInfo[]>();

  constructor(
    private readonly unit: ParsedUnit,
    readonly fn: Parser.SyntaxNode,
    problems: AnnotationProblem[],
  ) {
    const attrs = new AttributeIndex(unit.attributes);
    const name = fnName(fn);
    const sym = name ? unit.symbols.function(name) : undefined;
    for (const p of sym?.node === fn ? sym.parameters : []) {
      if (p.name) this.add({ name: p.name, kind: 'param', info: p, annotations: annotationsOf(p, problems), scopeStart: fn.startIndex, scopeEnd: fn.endIndex });
    }
    const body = fn.childForFieldName('body');
    if (body) this.collectLocals(body, attrs, problems);
  }

  private add(v: VarInfo): void {
    const list = this.byName.get(v.name) ?? [];
    list.push(v);
    this.byName.set(v.name, list);
  }

  private collectLocals(node: Parser.SyntaxNode, attrs: AttributeIndex, problems: AnnotationProblem[]): void {
    if (node.type === 'declaration') {
      // A local is visible to the end of its block (or of the for statement declaring it).
      const scope = node.parent;
      const typeNode = node.childForFieldName('type');
      const declarators = node.childrenForFieldName('declarator');
      const base = normaliseTypeText(
        node.namedChildren
          .filter((c) => c.endIndex <= (declarators[0]?.startIndex ?? node.endIndex) && c.type !== 'storage_class_specifier')
          .map((c) => this.unit.parseText.slice(c.startIndex, c.endIndex))
          .join(' ') || (typeNode ? typeNode.text : ''),
      );
      declarators.forEach((d, k) => {
        const limit = k + 1 < declarators.length ? declarators[k + 1].startIndex : node.endIndex;
        const info = describeLocal(d, base, [...attrs.between(node.startIndex, declarators[0].startIndex), ...attrs.between(d.startIndex, limit)], node, this.unit.parseText);
        if (!info) return;
        this.add({ name: info.name, kind: 'local', info, annotations: annotationsOf(info, problems), scopeStart: d.startIndex, scopeEnd: scope ? scope.endIndex : node.endIndex });
      });
    }
    for (const c of node.namedChildren) this.collectLocals(c, attrs, problems);
  }

  /** The variable `name` visible at `offset` (innermost), or a global. */
  lookup(name: string, offset: number): VarInfo | undefined {
    let best: VarInfo | undefined;
    for (const v of this.byName.get(name) ?? []) {
      if (offset >= v.scopeStart && offset <= v.scopeEnd && (!best || v.scopeStart >= best.scopeStart)) best = v;
    }
    if (best) return best;
    const g = this.unit.symbols.global(name);
    if (g) return { name, kind: 'global', info: g, annotations: annotationsOf(g), scopeStart: 0, scopeEnd: this.unit.text.length };
    return undefined;
  }

  /** Every local/param declared in this function. */
  all(): VarInfo[] {
    return [...this.byName.values()].flat();
  }
}

export function fnName(fn: Parser.SyntaxNode): string | undefined {
  let d: Parser.SyntaxNode | null = fn.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  const id = d?.childForFieldName('declarator');
  return id && id.type === 'identifier' ? id.text : undefined;
}

/** A local declarator described the way the symbol table describes globals. */
function describeLocal(d: Parser.SyntaxNode, base: string, attributes: Attribute[], decl: Parser.SyntaxNode, text: string): DeclaratorInfo | undefined {
  let n: Parser.SyntaxNode | null = d.type === 'init_declarator' ? d.childForFieldName('declarator') : d;
  const top = n;
  let pointerDepth = 0;
  const arraySizes: string[] = [];
  let isFunctionPointer = false;
  while (n && n.type !== 'identifier') {
    if (n.type === 'pointer_declarator') pointerDepth++;
    else if (n.type === 'array_declarator') {
      const size = n.childForFieldName('size');
      arraySizes.push(size ? normaliseTypeText(text.slice(size.startIndex, size.endIndex)) : '');
    } else if (n.type === 'function_declarator') isFunctionPointer = true;
    n = n.childForFieldName('declarator') ?? (n.type === 'parenthesized_declarator' ? n.namedChild(0) : null);
  }
  if (!n || !top) return undefined;
  const abstract = text.slice(top.startIndex, n.startIndex) + text.slice(n.endIndex, top.endIndex);
  return {
    name: n.text,
    baseType: base,
    type: normaliseTypeText(`${base} ${abstract}`),
    pointerDepth,
    arraySizes,
    isFunctionPointer,
    attributes,
    pointerAttributes: [],
    node: top,
    declarationNode: decl,
  };
}
