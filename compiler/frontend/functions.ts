// List the function definitions of a translation unit, including those inside
// error regions (taken from the regions' own trees, flagged hasParseError).
import type Parser from 'tree-sitter';
import type { ContainedParse } from './containment.js';
import { declaratorIdentifier, LazyNode } from './declarators.js';
import { child, type MirrorNode } from './mirror.js';
import { declaratorName } from './tree-util.js';
import type { FunctionDefinitionInfo, LineMap, SourceLocation } from './unit.js';

/** function_definition nodes among mirrored top-level nodes (also inside `extern "C" {}`). */
function mirroredDefinitions(nodes: readonly MirrorNode[], out: MirrorNode[]): MirrorNode[] {
  for (const n of nodes) {
    if (n.type === 'function_definition') out.push(n);
    else if (n.type === 'linkage_specification' || n.type === 'declaration_list') mirroredDefinitions(n.children, out);
  }
  return out;
}

/** Top-level function_definition syntax nodes of a (small) tree, e.g. an error region's. */
function syntaxDefinitions(root: Parser.SyntaxNode): Parser.SyntaxNode[] {
  const out: Parser.SyntaxNode[] = [];
  const visit = (node: Parser.SyntaxNode): void => {
    for (const c of node.namedChildren) {
      if (c.type === 'function_definition') out.push(c);
      else if (c.type === 'linkage_specification' || c.type === 'declaration_list' || c.type === 'ERROR') visit(c);
    }
  };
  visit(root);
  return out;
}

/**
 * A function definition of the main tree. Its syntax node and its location are
 * found on first use (a class, not an object literal with getters: thousands
 * of these are made per unit, and literal getters cost a closure each).
 */
class MirroredFunction implements FunctionDefinitionInfo {
  private located: SourceLocation | undefined;

  constructor(
    readonly name: string,
    readonly inMainFile: boolean,
    readonly hasParseError: boolean,
    private readonly ref: LazyNode,
    private readonly at: number,
    private readonly lineMap: LineMap,
  ) {}

  get node(): Parser.SyntaxNode {
    return this.ref.node;
  }

  get location(): SourceLocation {
    return (this.located ??= this.lineMap.locate(this.at));
  }
}

/** `name(...) {` at the start of a line or after a type: a function definition's head. */
const FUNCTION_HEAD = /\b([A-Za-z_]\w*)\s*\([^;{}]*\)\s*\{/;

function overlapsAny(start: number, end: number, regions: readonly { start: number; end: number }[]): boolean {
  return regions.some((r) => r.start < end && start < r.end);
}

/**
 * `text` is the text the final tree was parsed from; `sanitizedText` still has
 * the error regions (before containment blanked them).
 */
export function collectFunctions(
  parse: ContainedParse,
  topLevel: readonly MirrorNode[],
  text: string,
  sanitizedText: string,
  lineMap: LineMap,
): FunctionDefinitionInfo[] {
  const out: { offset: number; info: FunctionDefinitionInfo }[] = [];
  // The main tree's real errors were all blanked into regions, except where containment gave up.
  const uncontained = parse.errors.filter((r) => !parse.errorTrees.has(r));
  for (const def of mirroredDefinitions(topLevel, [])) {
    const declarator = child(def, 'declarator');
    const ident = declaratorIdentifier(declarator);
    const at = declarator ? declarator.start : def.start;
    const info = new MirroredFunction(
      ident ? text.slice(ident.start, ident.end) : '',
      lineMap.isMainFile(at),
      uncontained.length > 0 && overlapsAny(def.start, def.end, uncontained),
      new LazyNode(parse.tree, def),
      at,
      lineMap,
    );
    out.push({ offset: def.start, info });
  }
  for (const region of parse.errors) {
    const tree = parse.errorTrees.get(region);
    if (!tree) continue;
    const defs = syntaxDefinitions(tree.rootNode).filter((n) => n.startIndex >= region.start && n.endIndex <= region.end);
    for (const node of defs) {
      const declarator = node.childForFieldName('declarator');
      const at = (declarator ?? node).startIndex;
      const info = { name: declaratorName(declarator) ?? '', node, inMainFile: lineMap.isMainFile(at), hasParseError: true, location: lineMap.locate(at) };
      out.push({ offset: node.startIndex, info });
    }
    if (defs.length === 0) {
      // Recovery mangled the definition beyond recognition: still count what looks like one.
      const m = FUNCTION_HEAD.exec(sanitizedText.slice(region.start, region.end));
      if (m) {
        const at = region.start + m.index + m[0].indexOf(m[1]);
        const info = { name: m[1], node: tree.rootNode, inMainFile: lineMap.isMainFile(at), hasParseError: true, location: lineMap.locate(at) };
        out.push({ offset: at, info });
      }
    }
  }
  if (parse.errors.length > 0) out.sort((a, b) => a.offset - b.offset);
  return out.map((e) => e.info);
}
