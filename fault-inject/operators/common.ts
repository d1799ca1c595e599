// Small helpers for operator modules: turning a node into a candidate site.
import type Parser from 'tree-sitter';
import type { Rng } from '../prng.js';
import type { SiteCandidate, SiteKind, SubEdit } from '../site.js';

type Node = Parser.SyntaxNode;

/** A site covering `node` whose mutation replaces the whole node with `build(original, rng)`. */
export function replaceNode(node: Node, text: string, kind: SiteKind, build: (original: string, rng: Rng) => string): SiteCandidate {
  const start = node.startIndex;
  const end = node.endIndex;
  const original = text.slice(start, end);
  return { start, end, kind, mutate: (rng) => [{ start, end, text: build(original, rng) }] };
}

/** A site covering `node` whose mutation is a fixed list of edits inside it. */
export function editNode(node: Node, kind: SiteKind, edits: (rng: Rng) => SubEdit[]): SiteCandidate {
  return { start: node.startIndex, end: node.endIndex, kind, mutate: edits };
}

/** The root of the tree a function lives in. */
export function rootOf(node: Node): Node {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** A site whose mutation is `((original) + k)` with k > 0 drawn by `amount`. */
export function addToNode(node: Node, text: string, amount: (rng: Rng) => number): SiteCandidate {
  const start = node.startIndex;
  const end = node.endIndex;
  const original = text.slice(start, end);
  return { start, end, kind: 'expr', addend: amount, mutate: (rng) => [{ start, end, text: `((${original}) + ${amount(rng)})` }] };
}
