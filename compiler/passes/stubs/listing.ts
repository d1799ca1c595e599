// What `fgftc stubs` prints: every entry point found, why, and what the stub
// will return on failure (or why it gets none).
import type { ParsedUnit, SourceLocation } from '../../frontend/unit.js';
import { detectors } from './detect/index.js';
import { findEntryPoints, type EntryCause } from './entry-points.js';
import { planStub } from './stub-text.js';

export interface EntryPointView {
  name: string;
  location?: SourceLocation; // of the definition, if in this unit
  status: 'stub' | 'excluded' | 'defined-elsewhere' | 'header' | 'not-stubbable';
  note?: string; // failure value, or why no stub
  reasons: { cause: EntryCause; detail: string; location: SourceLocation }[];
}

export function describeEntryPoints(unit: ParsedUnit): EntryPointView[] {
  return findEntryPoints(unit, detectors).map((e) => {
    const reasons = e.reasons.map((r) => ({ cause: r.cause, detail: r.detail, location: unit.lineMap.locate(r.offset) }));
    const view: EntryPointView = { name: e.name, location: e.definition?.location, status: 'stub', reasons };
    if (e.excluded) return { ...view, status: 'excluded', note: 'marked NOENTRY' };
    if (!e.definition) return { ...view, status: 'defined-elsewhere', note: 'declared here, defined in another unit' };
    if (!e.definition.inMainFile) return { ...view, status: 'header', note: 'defined in a header' };
    if (e.definition.hasParseError) return { ...view, status: 'not-stubbable', note: 'could not be parsed' };
    const plan = planStub(unit, e, e.definition.node);
    if ('refused' in plan) return { ...view, status: 'not-stubbable', note: plan.refused };
    const fails = plan.failure.kind === 'void' ? 'returns nothing' : `returns ${plan.failure.text} (${plan.failure.meaning})`;
    return { ...view, note: `on failure ${fails}` };
  });
}

function at(l: SourceLocation | undefined): string {
  return l ? `${l.file}:${l.line}:${l.column}` : '-';
}

/** Human-readable listing, one block per function. */
export function entryPointTable(views: readonly EntryPointView[]): string {
  const lines: string[] = [];
  for (const v of views) {
    lines.push(`${at(v.location)}: ${v.name}: ${v.status}${v.note ? ` (${v.note})` : ''}`);
    for (const r of v.reasons) lines.push(`    ${r.cause}: ${r.detail}  [${at(r.location)}]`);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
