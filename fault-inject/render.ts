// Turning chosen sites into text. Single-fault mode applies one site's edits.
// One-build mode (mutant schemata) nests every site's original and mutated
// text behind a run-time selector; a site inside another site appears, with
// its own selector, in both of the outer site's variants unless the outer
// mutation rewrites it away.
import { Rng } from './prng.js';
import type { FaultSite, SubEdit } from './site.js';

/** Apply edits (sorted, non-overlapping; insertions before replacements at one offset) to text[start, end). */
export function applyInRange(text: string, start: number, end: number, edits: readonly SubEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
  let pos = start;
  let out = '';
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos, end);
}

export function mutationOf(site: FaultSite, seed: number): SubEdit[] {
  return site.mutate(Rng.forSite(seed, site.id));
}

/** The site's text after the mutation (single-fault mode, and for reports). */
export function mutatedText(text: string, site: FaultSite, seed: number): string {
  return applyInRange(text, site.start, site.end, mutationOf(site, seed));
}

export interface SchemaNode {
  site: FaultSite;
  index: number; // the selector number of this site in its translation unit (1-based)
  children: SchemaNode[];
}

export interface SchemaForest {
  roots: SchemaNode[];
  /** Sites left out because they overlap another site without nesting in it. */
  dropped: FaultSite[];
}

/** Nest sites by range. Equal ranges nest in list order; partial overlaps are dropped. */
export function buildForest(sites: readonly FaultSite[]): SchemaForest {
  const order = sites.map((site, i) => ({ site, i })).sort((a, b) => a.site.start - b.site.start || b.site.end - a.site.end || a.i - b.i);
  const roots: SchemaNode[] = [];
  const dropped: FaultSite[] = [];
  const stack: SchemaNode[] = [];
  let index = 0;
  for (const { site } of order) {
    while (stack.length > 0 && stack[stack.length - 1].site.end <= site.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && site.end > parent.site.end) {
      dropped.push(site);
      continue;
    }
    const node: SchemaNode = { site, index: ++index, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return { roots, dropped };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export interface SchemataOptions {
  seed: number;
  /** C expression for "site k is active", e.g. `fgft_fault_active(k)`. */
  selector: (index: number) => string;
}

/** The text that replaces a root site's range in one-build mode. */
export function renderSchema(text: string, node: SchemaNode, opts: SchemataOptions): string {
  const { site } = node;
  const childEdits = node.children.map((c) => ({ start: c.site.start, end: c.site.end, text: renderSchema(text, c, opts) }));
  const mutation = mutationOf(site, opts.seed);
  const original = applyInRange(text, site.start, site.end, childEdits);
  const kept = childEdits.filter((c) => !mutation.some((m) => overlaps(m, c) || (m.start === m.end && m.start > c.start && m.start < c.end)));
  const mutated = applyInRange(text, site.start, site.end, [...mutation, ...kept]);
  const active = opts.selector(node.index);
  if (site.kind === 'void') return `(${active} ? (void)(${mutated}) : (void)(${original}))`;
  if (site.kind === 'cond') return `(${active} ? !!(${mutated}) : !!(${original}))`;
  if (site.addend) return `((${original}) + (${active} ? ${site.addend(Rng.forSite(opts.seed, site.id))} : 0))`;
  // typeof is not evaluated: the plain mutated text (without nested selectors) names the type.
  const plain = applyInRange(text, site.start, site.end, mutation);
  return (
    `({ __typeof__(0 ? (${plain}) : (${plain})) __fgft_s; ` +
    `if (${active}) __fgft_s = (${mutated}); else __fgft_s = (${original}); __fgft_s; })`
  );
}

/** Every node of a forest, in selector order. */
export function flatten(roots: readonly SchemaNode[]): SchemaNode[] {
  const out: SchemaNode[] = [];
  const visit = (n: SchemaNode): void => {
    out.push(n);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  return out.sort((a, b) => a.index - b.index);
}
