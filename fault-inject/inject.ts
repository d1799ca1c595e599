// Fault injection over one unit: choose (single-fault) or compile in all
// (one-build) sites, record the edits, and describe what was injected.
import type { EditSet } from '../compiler/emit/edits.js';
import { chooseById, chooseBySeed } from './choose.js';
import { buildForest, flatten, mutationOf, mutatedText, renderSchema, type SchemaNode } from './render.js';
import { enterHook, FAULT_BUILD_PRAGMAS, schemataPrelude, selector } from './schemata.js';
import { findSites, resolveOperators } from './sites.js';
import type { FaultSite, FaultUnit, InjectionRecord } from './site.js';

export interface InjectRequest {
  operator: string; // one name, a comma list, or "all"
  seed?: number;
  siteId?: string;
  schemata?: boolean;
}

export interface InjectResult {
  mode: 'single' | 'schemata';
  injected: InjectionRecord[];
  /** Candidate sites that could not be used because another pass edits inside them, or they overlap. */
  skipped: string[];
  candidates: number;
  prelude?: string;
}

const PASS = 'fault-inject';

/** Sites whose range another pass already edits inside cannot be replaced as a whole. */
function clashesWithEdits(site: FaultSite, edits: EditSet): boolean {
  return edits.all().some((e) => (e.start === e.end ? e.start > site.start && e.start < site.end : e.start < site.end && site.start < e.end));
}

function record(text: string, site: FaultSite, after: string): InjectionRecord {
  const { id, operator, function: fn, file, line, column } = site;
  return { id, operator, function: fn, file, line, column, before: text.slice(site.start, site.end), after };
}

export function inject(unit: FaultUnit, req: InjectRequest, edits: EditSet): InjectResult {
  const all = findSites(unit, resolveOperators(req.operator));
  const usable = all.filter((s) => !clashesWithEdits(s, edits));
  const skipped = all.filter((s) => !usable.includes(s)).map((s) => s.id);
  const seed = req.seed ?? 0;
  if (req.schemata) return injectSchemata(unit, req, usable, skipped, seed, edits, all.length);

  const site = req.siteId !== undefined ? chooseById(usable, req.siteId) : chooseBySeed(usable, seed);
  if (!site) return { mode: 'single', injected: [], skipped, candidates: all.length };
  for (const e of mutationOf(site, seed)) {
    if (e.start === e.end) edits.insert(e.start, e.text, PASS);
    else edits.replace(e.start, e.end, e.text, PASS);
  }
  return {
    mode: 'single',
    injected: [record(unit.text, site, mutatedText(unit.text, site, seed))],
    skipped,
    candidates: all.length,
    prelude: FAULT_BUILD_PRAGMAS,
  };
}

function injectSchemata(
  unit: FaultUnit,
  req: InjectRequest,
  usable: FaultSite[],
  skipped: string[],
  seed: number,
  edits: EditSet,
  candidates: number,
): InjectResult {
  const chosen = req.siteId !== undefined ? [chooseById(usable, req.siteId)] : usable;
  const forest = buildForest(chosen);
  const opts = { seed, selector };
  for (const root of forest.roots) edits.replace(root.site.start, root.site.end, renderSchema(unit.text, root, opts), PASS);
  const nodes: SchemaNode[] = flatten(forest.roots);
  for (const fn of unit.functions) {
    const body = fn.node.childForFieldName('body');
    if (fn.inMainFile && !fn.hasParseError && body) edits.insert(body.startIndex + 1, enterHook(fn.name), PASS, -10);
  }
  return {
    mode: 'schemata',
    injected: nodes.map((n) => record(unit.text, n.site, mutatedText(unit.text, n.site, seed))),
    skipped: [...skipped, ...forest.dropped.map((s) => s.id)],
    candidates,
    prelude: `${FAULT_BUILD_PRAGMAS}\n${schemataPrelude(nodes)}`,
  };
}
