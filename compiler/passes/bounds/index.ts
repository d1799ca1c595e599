// The bounds pass: find the checks each function needs, report what must
// fail, optimise, place the rest. Units that never mention an annotation
// (and do not include fgft.h) are left exactly as they are.
import type Parser from 'tree-sitter';
import { isAnnotationAttribute } from '../../../annotations/language.js';
import type { Pass, PassContext } from '../pass.js';
import { annotationsOfAttributes, type AnnotationProblem } from './annotations-of.js';
import { checkPrelude } from './checks.js';
import { entryChecks } from './entry-checks.js';
import { CheckFinder } from './find-checks.js';
import { optimizations } from './optimize/index.js';
import type { OptimizationContext } from './optimize/optimization.js';
import type { BoundsOptions } from './options.js';
import { placeChecks } from './place-checks.js';
import { polymorphismChecks } from './poly.js';
import { SeqInterfaces } from './seq.js';
import { NT_LENGTH_PRELUDE, usesNtLength } from './nt-conversions.js';
import { Resolver } from './resolve.js';
import type { CheckSite } from './sites.js';
import { FunctionVariables } from './variables.js';
import { placeHiddenBounds, type HiddenBounds } from './hidden-bounds.js';
import { WriteIndex } from './writes.js';

/** The unit includes annotations/fgft.h: the developer opted in to checking. */
export function includesAnnotationHeader(ctx: PassContext): boolean {
  return /^#\s*\d+\s+"[^"]*fgft\.h"/m.test(ctx.unit.text);
}

export function isAnnotatedUnit(ctx: PassContext): boolean {
  return ctx.unit.attributes.some((a) => isAnnotationAttribute(a.name)) || includesAnnotationHeader(ctx);
}

/** TRUSTED on the function (before its type, among its specifiers, or after its declarator): no checks in it. */
function isTrustedFunction(ctx: PassContext, fn: Parser.SyntaxNode, name: string): boolean {
  const sym = ctx.unit.symbols.function(name);
  const body = fn.childForFieldName('body');
  const own = ctx.unit.attributes.filter((a) => a.start >= fn.startIndex && a.start < (body?.startIndex ?? fn.endIndex));
  return annotationsOfAttributes([...(sym?.attributes ?? []), ...own]).some((a) => a.kind === 'trusted');
}

export interface BoundsReport {
  found: number;
  removed: Record<string, number>;
  hoisted: number;
  placed: number;
  hiddenBounds: number; // locals given hidden bounds variables
}

export function runBounds(ctx: PassContext, options: BoundsOptions): BoundsReport {
  const report: BoundsReport = { found: 0, removed: {}, hoisted: 0, placed: 0, hiddenBounds: 0 };
  const problems: AnnotationProblem[] = [];
  const all: CheckSite[] = [];
  const hidden: HiddenBounds[] = [];
  const seq = new SeqInterfaces(ctx.unit);
  for (const f of ctx.unit.functions) {
    if (!f.inMainFile || f.hasParseError || isTrustedFunction(ctx, f.node, f.name)) continue;
    const vars = new FunctionVariables(ctx.unit, f.node, problems);
    const resolver = new Resolver(ctx.unit, vars, new WriteIndex(f.node));
    const finder = new CheckFinder(ctx, resolver);
    const body = f.node.childForFieldName('body');
    if (body) finder.walk(body);
    polymorphismChecks(finder, f.node);
    if (body) seq.collect(finder, body);
    const sites = [...entryChecks(ctx.unit, f.node), ...finder.sites];
    report.found += sites.length;
    if (options.optimize) {
      const octx: OptimizationContext = { sites, resolver, added: [] };
      for (const o of optimizations) if (!options.disabledOptimizations?.includes(o.name)) o.run(octx);
      report.hoisted += octx.added.length;
      sites.push(...octx.added);
    }
    for (const s of sites) if (s.removedBy) report.removed[s.removedBy] = (report.removed[s.removedBy] ?? 0) + 1;
    hidden.push(...resolver.hidden);
    all.push(...sites.filter((s) => !s.removedBy));
  }
  seq.reportAddressTaken(ctx);
  for (const p of problems) ctx.diagnostics.error(ctx.unit.lineMap.locate(p.attribute.start), p.message, 'bounds/annotation');
  if (ctx.diagnostics.errorCount > 0) return report;
  report.placed = placeChecks(ctx, all);
  placeHiddenBounds(ctx, hidden);
  seq.place(ctx);
  report.hiddenBounds = hidden.length;
  if (report.placed > 0 || usesNtLength(ctx.unit)) ctx.prelude.add(checkPrelude(options.failMode));
  if (usesNtLength(ctx.unit)) ctx.prelude.add(NT_LENGTH_PRELUDE);
  return report;
}

export const boundsPass: Pass = {
  name: 'bounds',
  description: 'bounds annotations: static checker, run-time checks and check optimizer',
  enabled: (o) => o.bounds !== undefined,
  run(ctx) {
    const bounds = ctx.options.bounds;
    if (!bounds) return;
    const inScope = bounds.scope === 'fgft-header' ? includesAnnotationHeader(ctx) : isAnnotatedUnit(ctx);
    if (!inScope) return;
    const r = runBounds(ctx, bounds);
    const removed = Object.values(r.removed).reduce((a, b) => a + b, 0);
    ctx.stats.checksInserted += r.found + r.hoisted;
    ctx.stats.checksRemoved += removed;
    ctx.stats.details = { ...ctx.stats.details, bounds: { ...r } };
  },
};
