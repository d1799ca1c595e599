// Turn a (mirrored) declarator into a DeclaratorInfo: name, type text,
// pointer depth, array sizes, and attributes attached by position.
import type Parser from 'tree-sitter';
import type { AttributeIndex } from './attribute-index.js';
import { child, resolveNode, type MirrorNode } from './mirror.js';
import type { DeclaratorInfo } from './symbol-types.js';
import type { Attribute } from './unit.js';

const SIMPLE_TYPE = /^ ?[A-Za-z_][\w]*(?: [A-Za-z_]\w*)*$/;

/** Collapse whitespace runs (blanked attributes leave many spaces) and space pointers canonically. */
const normalised = new Map<string, string>();

export function normaliseTypeText(s: string): string {
  if (SIMPLE_TYPE.test(s)) return s.trim();
  const cached = normalised.get(s);
  if (cached !== undefined) return cached;
  if (normalised.size > 100_000) normalised.clear(); // types repeat a lot; keep the cache bounded
  const out = normaliseUncached(s);
  normalised.set(s, out);
  return out;
}

function normaliseUncached(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s*([*()[\],])\s*/g, '$1')
    .replace(/([^*(\s])\*/g, '$1 *')
    .replace(/,/g, ', ')
    .replace(/(\w)\(\*/g, '$1 (*')
    .trim();
}

/** Collapse whitespace in an expression's text (array sizes, bit widths, enum values). */
export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export interface DeclaratorContext {
  text: string; // parseText
  tree: Parser.Tree;
  attributes: AttributeIndex;
  baseType: string; // normalised
  /** Attributes of the whole declaration (before its type / among its specifiers). */
  leading: Attribute[];
  /** Attributes in [declarator start, limit) belong to the declarator. */
  limit: number;
  declaration: MirrorNode;
  /** Shared by all declarators of one declaration. */
  declarationRef?: LazyNode;
}

/** A mirrored node and its tree: the real syntax node is resolved on first use. */
export class LazyNode {
  private cached: Parser.SyntaxNode | undefined;
  constructor(
    private readonly tree: Parser.Tree,
    private readonly mirror: MirrorNode,
  ) {}
  get node(): Parser.SyntaxNode {
    return (this.cached ??= resolveNode(this.tree, this.mirror));
  }
}

/** DeclaratorInfo with lazily resolved syntax nodes. */
export class Declarator implements DeclaratorInfo {
  constructor(
    readonly name: string,
    readonly baseType: string,
    readonly type: string,
    readonly pointerDepth: number,
    readonly arraySizes: string[],
    readonly isFunctionPointer: boolean,
    readonly attributes: Attribute[],
    readonly pointerAttributes: Attribute[][],
    private readonly declaratorRef: LazyNode,
    private readonly declarationRef: LazyNode,
  ) {}
  get node(): Parser.SyntaxNode {
    return this.declaratorRef.node;
  }
  get declarationNode(): Parser.SyntaxNode {
    return this.declarationRef.node;
  }
}

const NAME_TYPES = new Set(['identifier', 'field_identifier', 'type_identifier']);

/** The identifier a declarator declares (through pointers, arrays, functions, parentheses). */
export function declaratorIdentifier(node: MirrorNode | undefined): MirrorNode | undefined {
  let n = node;
  while (n) {
    if (NAME_TYPES.has(n.type)) return n;
    if (n.type === 'parenthesized_declarator' || n.type === 'attributed_declarator') n = n.children[0];
    else n = child(n, 'declarator');
  }
  return undefined;
}

/** Strip an init_declarator to its declarator. */
export function bareDeclarator(node: MirrorNode): MirrorNode {
  if (node.type === 'init_declarator') return child(node, 'declarator') ?? node;
  return node;
}

/**
 * The function_declarator if `declarator` declares a function (possibly one
 * returning a pointer, `int *f(void)`, or a function pointer, `void
 * (*signal(int))(int)`), not a pointer to one (`int (*f)(void)`): the
 * derivation nearest the name decides.
 */
export function directFunctionDeclarator(declarator: MirrorNode): MirrorNode | undefined {
  let nearest: MirrorNode | undefined;
  let n: MirrorNode | undefined = declarator;
  while (n && !NAME_TYPES.has(n.type)) {
    if (n.type === 'parenthesized_declarator' || n.type === 'attributed_declarator') {
      n = n.children[0];
      continue;
    }
    nearest = n;
    n = child(n, 'declarator');
  }
  return nearest?.type === 'function_declarator' ? nearest : undefined;
}

export function describeDeclarator(node: MirrorNode, ctx: DeclaratorContext): DeclaratorInfo {
  const decl = bareDeclarator(node);
  const ident = declaratorIdentifier(decl);
  const declText = ctx.text.slice(decl.start, decl.end);
  const abstract = ident
    ? declText.slice(0, ident.start - decl.start) + declText.slice(ident.end - decl.start)
    : declText;
  const type = abstract.trim() === '' ? ctx.baseType : normaliseTypeText(`${ctx.baseType} ${abstract}`);

  let pointerDepth = 0;
  const arraySizes: string[] = [];
  const pointerAttributes: Attribute[][] = [];
  const pointerRanges: [number, number][] = [];
  const derivations: string[] = []; // outermost first, parentheses skipped
  let n: MirrorNode | undefined = decl;
  while (n && n !== ident) {
    const inner: MirrorNode | undefined = child(n, 'declarator');
    switch (n.type) {
      case 'pointer_declarator':
      case 'abstract_pointer_declarator': {
        pointerDepth++;
        derivations.push('pointer');
        const to = inner ? inner.start : n.end;
        pointerRanges.push([n.start, to]);
        pointerAttributes.push(ctx.attributes.between(n.start, to));
        break;
      }
      case 'array_declarator':
      case 'abstract_array_declarator': {
        const size = child(n, 'size');
        arraySizes.push(size ? collapseSpace(ctx.text.slice(size.start, size.end)) : '');
        derivations.push('array');
        break;
      }
      case 'function_declarator':
      case 'abstract_function_declarator':
        derivations.push('function');
        break;
      default:
        break;
    }
    n = inner ?? (n.type === 'parenthesized_declarator' || n.type === 'attributed_declarator' ? n.children[0] : undefined);
  }
  // `int (*fn)(void)` and arrays of them: the name's nearest non-array derivation is a pointer to a function.
  let k = derivations.length - 1;
  while (k >= 0 && derivations[k] === 'array') k--;
  const isFunctionPointer = k >= 1 && derivations[k] === 'pointer' && derivations[k - 1] === 'function';
  const own = ctx.attributes.between(decl.start, ctx.limit);
  const attributes = pointerRanges.length === 0 ? own : own.filter((a) => !pointerRanges.some(([s, e]) => a.start >= s && a.start < e));
  return new Declarator(
    ident ? ctx.text.slice(ident.start, ident.end) : '',
    ctx.baseType,
    type,
    pointerDepth,
    arraySizes,
    isFunctionPointer,
    ctx.leading.length === 0 ? attributes : [...ctx.leading, ...attributes],
    pointerAttributes,
    new LazyNode(ctx.tree, decl),
    ctx.declarationRef ?? new LazyNode(ctx.tree, ctx.declaration),
  );
}
