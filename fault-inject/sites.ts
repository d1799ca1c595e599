// The site finder: every candidate site of the chosen operators in the
// driver's own, parse-clean functions, each with a stable ID
// `function:line:col:operator#n` (n counts equal prefixes, from 1).
import { UserError } from '../compiler/diagnostics.js';
import { operatorByName, operators } from './operators/index.js';
import type { FaultOperator, FaultSite, FaultUnit } from './site.js';

/** Parse an operator list: `scanoverrun`, `nullptr,badptr`, or `all`. */
export function resolveOperators(spec: string): FaultOperator[] {
  if (spec === 'all') return [...operators];
  const out: FaultOperator[] = [];
  for (const name of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const op = operatorByName(name);
    if (!op) throw new UserError(`unknown fault type '${name}' (see 'fgftc faults list')`);
    if (!out.includes(op)) out.push(op);
  }
  if (out.length === 0) throw new UserError('no fault type given');
  return out;
}

export function findSites(unit: FaultUnit, chosen: readonly FaultOperator[]): FaultSite[] {
  const sites: FaultSite[] = [];
  const seen = new Map<string, number>();
  for (const fn of unit.functions) {
    if (!fn.inMainFile || fn.hasParseError) continue;
    for (const op of chosen) {
      const found = op.findSites(fn, unit.text).sort((a, b) => a.start - b.start || b.end - a.end);
      for (const cand of found) {
        const loc = unit.lineMap.locate(cand.start);
        const prefix = `${fn.name}:${loc.line}:${loc.column}:${op.name}`;
        const n = (seen.get(prefix) ?? 0) + 1;
        seen.set(prefix, n);
        sites.push({ ...cand, id: `${prefix}#${n}`, operator: op.name, function: fn.name, file: loc.file, line: loc.line, column: loc.column });
      }
    }
  }
  return sites;
}
