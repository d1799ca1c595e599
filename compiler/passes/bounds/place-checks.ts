// Turn the surviving check sites into edits: single-line insertions around the
// operand, so line numbers never move.
import { emitCheck, emitIndexCheck } from './checks.js';
import type { PassContext } from '../pass.js';
import type { CheckSite } from './sites.js';

const PASS = 'bounds-checks';
const FAR = 1e12;

/**
 * Insertions at one offset must nest: suffixes (of ranges ending there) come
 * before prefixes (of ranges starting there); among prefixes the longer range
 * (outer) first, among suffixes the shorter (inner) first; for the same range
 * the check placed first is outermost.
 */
function prefixPriority(len: number, seq: number): number {
  return FAR / 2 - len * 1e4 + seq;
}
function suffixPriority(len: number, seq: number): number {
  return -FAR / 2 + len * 1e4 - seq;
}

export function placeChecks(ctx: PassContext, sites: CheckSite[]): number {
  const text = ctx.unit.text;
  // lower+upper on the same operand become one fgft_check_index call.
  const byOperand = new Map<string, CheckSite[]>();
  for (const s of sites) {
    const k = `${s.operand.start}:${s.operand.end}:${s.form}`;
    byOperand.set(k, [...(byOperand.get(k) ?? []), s]);
  }
  let placed = 0;
  let seq = 0;
  for (const group of byOperand.values()) {
    const lower = group.find((s) => s.check.kind === 'lower');
    const upper = group.find((s) => s.check.kind === 'upper');
    const rest = group.filter((s) => !(lower && upper && (s === lower || s === upper)));
    const emitted = [];
    if (lower && upper && upper.check.kind === 'upper') {
      const loc = ctx.unit.lineMap.locate(upper.offset);
      emitted.push({ site: upper, e: emitIndexCheck(upper.check.count, loc.file, loc.line, upper.fixedArray) });
    }
    for (const s of rest) {
      const loc = ctx.unit.lineMap.locate(s.offset);
      emitted.push({ site: s, e: emitCheck(s.check, loc.file, loc.line, text.slice(s.operand.start, s.operand.end), s.fixedArray) });
    }
    for (const { site, e } of emitted) {
      const len = site.operand.end - site.operand.start;
      if (site.form === 'statement') {
        ctx.edits.insert(site.operand.start, e.prefix + ' ', PASS, FAR);
      } else if (site.form === 'comma') {
        const operandText = text.slice(site.operand.start, site.operand.end);
        const call = (e.prefix + innerOperand(site, operandText) + e.suffix).replace(/;$/, '');
        ctx.edits.insert(site.operand.start, `(${call}, `, PASS, prefixPriority(len, seq));
        ctx.edits.insert(site.operand.end, ')', PASS, suffixPriority(len, seq));
      } else {
        ctx.edits.insert(site.operand.start, e.prefix, PASS, prefixPriority(len, seq));
        ctx.edits.insert(site.operand.end, e.suffix, PASS, suffixPriority(len, seq));
      }
      seq = (seq + 1) % 1000;
      placed++;
    }
  }
  return placed;
}

/** What a comma-form check call takes as its own operand. */
function innerOperand(site: CheckSite, operandText: string): string {
  const c = site.check;
  switch (c.kind) {
    case 'lower':
    case 'upper':
    case 'range':
    case 'nt-read':
      return c.index;
    case 'call':
    case 'assign':
      return c.need;
    case 'ptr-arith':
    case 'range-arith':
      return c.offset;
    case 'dependent-write':
      return c.newValue;
    default:
      return operandText;
  }
}
