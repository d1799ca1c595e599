// Entry-point detection: which of the driver's functions can be called from
// outside the driver (the kernel, the harness, an interrupt), and why.
// Every cause is one detector module in detect/; this file combines them.
import type Parser from 'tree-sitter';
import type { Attribute, FunctionDefinitionInfo, ParsedUnit } from '../../frontend/unit.js';
import { namedFunctionDeclarator } from './syntax.js';

export type EntryCause =
  | 'ops-table' // address stored in a struct initialiser (net_device_ops, pci_driver, ...)
  | 'registration' // address passed to a call outside the driver (request_irq, timer_setup, ...)
  | 'address-stored' // address assigned to a variable or field (e.g. INIT_WORK's expansion)
  | 'module-init' // named by module_init
  | 'module-exit' // named by module_exit
  | 'annotation'; // marked ENTRY

/** One reason a function is an entry point. */
export interface EntryReason {
  cause: EntryCause;
  detail: string; // human readable: "net_device_ops.ndo_open", "request_irq() argument 2"
  offset: number; // where the evidence is, byte offset in unit.text
}

/** What detectors see: the unit plus an index of the functions it declares. */
export interface DetectionContext {
  unit: ParsedUnit;
  /** Function definitions by name (main file and headers). */
  definitions: Map<string, FunctionDefinitionInfo>;
  /** Every function name declared or defined in the unit. */
  functionNames: Set<string>;
  /** fgft_* annotations attached to each function (definition and prototypes). */
  annotations: Map<string, Attribute[]>;
}

export interface Detector {
  cause: string;
  find(ctx: DetectionContext): { name: string; reason: EntryReason }[];
}

/** A function found to be an entry point (or excluded from being one). */
export interface EntryPoint {
  name: string;
  definition?: FunctionDefinitionInfo; // undefined: declared here, defined in another unit
  reasons: EntryReason[];
  excluded: boolean; // marked NOENTRY
  /** Failure value given by KR_FAIL(v), raw C text. */
  failOverride?: string;
}

export const ENTRY_ATTRIBUTE = 'fgft_entry';
export const NOENTRY_ATTRIBUTE = 'fgft_noentry';
export const FAIL_ATTRIBUTE = 'fgft_kr_fail';

export function buildDetectionContext(unit: ParsedUnit): DetectionContext {
  const definitions = new Map<string, FunctionDefinitionInfo>();
  for (const f of unit.functions) definitions.set(f.name, f);
  const functionNames = new Set<string>(definitions.keys());
  const annotations = new Map<string, Attribute[]>();
  const top = unit.tree.rootNode.namedChildren;
  let prevEnd = 0;
  for (const node of top) {
    const names = declaredFunctionNames(node);
    for (const n of names) functionNames.add(n);
    if (names.length > 0) {
      // Attributes are blanked out of parseText, so one written before the
      // declaration lies before node.startIndex: look back to the previous one.
      const body = node.childForFieldName('body');
      const end = body ? body.startIndex : node.endIndex;
      const attrs = attributesIn(unit.attributes, prevEnd, end).filter((a) => a.name.startsWith('fgft_'));
      for (const n of names) annotations.set(n, [...(annotations.get(n) ?? []), ...attrs]);
    }
    prevEnd = node.endIndex;
  }
  return { unit, definitions, functionNames, annotations };
}

/** Names of functions a top-level definition or declaration declares. */
function declaredFunctionNames(node: Parser.SyntaxNode): string[] {
  if (node.type === 'function_definition') {
    const d = namedFunctionDeclarator(node.childForFieldName('declarator'));
    return d ? [d.name.text] : [];
  }
  if (node.type !== 'declaration') return [];
  const out: string[] = [];
  for (const d of node.childrenForFieldName('declarator')) {
    const f = namedFunctionDeclarator(d);
    if (f) out.push(f.name.text);
  }
  return out;
}

function attributesIn(attrs: readonly Attribute[], start: number, end: number): Attribute[] {
  return attrs.filter((a) => a.start >= start && a.start < end);
}

/** Run the detectors and merge their findings per function. */
export function findEntryPoints(unit: ParsedUnit, detectors: readonly Detector[]): EntryPoint[] {
  const ctx = buildDetectionContext(unit);
  const byName = new Map<string, EntryPoint>();
  const entryFor = (name: string): EntryPoint => {
    let e = byName.get(name);
    if (!e) {
      e = { name, definition: ctx.definitions.get(name), reasons: [], excluded: false };
      byName.set(name, e);
    }
    return e;
  };
  for (const detector of detectors) {
    for (const { name, reason } of detector.find(ctx)) {
      const e = entryFor(name);
      if (!e.reasons.some((r) => r.cause === reason.cause && r.detail === reason.detail)) e.reasons.push(reason);
    }
  }
  for (const [name, attrs] of ctx.annotations) {
    if (attrs.some((a) => a.name === NOENTRY_ATTRIBUTE)) entryFor(name).excluded = true;
    const fail = attrs.find((a) => a.name === FAIL_ATTRIBUTE);
    if (fail && byName.has(name)) entryFor(name).failOverride = fail.args.trim();
  }
  return [...byName.values()].sort((a, b) => firstOffset(a) - firstOffset(b));
}

function firstOffset(e: EntryPoint): number {
  return e.definition?.node.startIndex ?? Math.min(...e.reasons.map((r) => r.offset));
}
