// Deputy's conversions of null-terminated pointers, NTEXPAND(e) and NTDROP(e)
// (`( __attribute__((fgft_ntexpand)) e )` after fgft.h):
//  - NTEXPAND(e): e must be NT; the result is NT and its known length reaches
//    the terminator, found at run time by scanning from what e already knew
//    (fgft_check_nt_length). Reads up to and including the terminator pass,
//    nothing past it; the terminator may only be overwritten with zero.
//  - NTDROP(e): e must be NT; the result is not NT and its bounds are e's
//    elements before the terminator (the terminator itself is out of bounds):
//    NTDROP(s) of a plain NTS has no element, NTDROP(NTEXPAND(s)) has strlen(s).
// The operand itself is checked like any other expression.
import type Parser from 'tree-sitter';
import type { ParsedUnit } from '../../frontend/unit.js';
import type { CheckContext } from './check-context.js';
import { isPure } from './check-context.js';
import type { PtrFacts } from './facts.js';

export type NtConversionKind = 'nt-drop' | 'nt-expand';

const SPELLING: Record<NtConversionKind, string> = { 'nt-drop': 'NTDROP', 'nt-expand': 'NTEXPAND' };

/** Units whose emitted text calls fgft_check_nt_length (they need it in the prelude). */
const lengthUsers = new WeakSet<ParsedUnit>();

export function usesNtLength(unit: ParsedUnit): boolean {
  return lengthUsers.has(unit);
}

/** `( attr e )` as written by NTDROP(e) / NTEXPAND(e): which one, and e (inside its own parentheses). */
export function ntConversionOf(unit: ParsedUnit, n: Parser.SyntaxNode): { kind: NtConversionKind; operand: Parser.SyntaxNode } | undefined {
  if (n.type !== 'parenthesized_expression') return undefined;
  const operand = n.namedChild(0);
  if (!operand) return undefined;
  const a = unit.attributes.find((x) => x.start > n.startIndex && x.start < operand.startIndex && (x.name === 'fgft_ntdrop' || x.name === 'fgft_ntexpand'));
  if (!a) return undefined;
  return { kind: a.name === 'fgft_ntdrop' ? 'nt-drop' : 'nt-expand', operand };
}

/** What the resolver needs: facts of the operand, the text of nodes, where a node is. */
export interface NtFactsSource {
  unit: ParsedUnit;
  facts(n: Parser.SyntaxNode): PtrFacts | undefined;
  text(n: Parser.SyntaxNode): string;
}

function cstr(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/**
 * Facts of NTDROP(e) / NTEXPAND(e); undefined when e is not a known NT
 * pointer (the error for that is reported by ntConversionCheck) or cannot be
 * evaluated again (a call, an assignment).
 */
export function ntConversionFacts(r: NtFactsSource, n: Parser.SyntaxNode): PtrFacts | undefined {
  const conv = ntConversionOf(r.unit, n);
  if (!conv) return undefined;
  const f = r.facts(conv.operand);
  if (!f || !f.nt || !isPure(conv.operand)) return undefined;
  // Elements known to come before the terminator (a string literal's array bound includes it).
  const known = f.isArray && f.bound.kind === 'count' && f.ntKnown === '0' ? `(${f.bound.count}) - 1` : f.ntKnown;
  if (conv.kind === 'nt-expand') {
    const loc = r.unit.lineMap.locate(n.startIndex);
    lengthUsers.add(r.unit);
    const length = `fgft_check_nt_length(${f.text}, sizeof(*(${f.text})), ${known}, ${cstr(loc.file)}, ${loc.line})`;
    return { ...f, text: f.text, bound: { kind: 'unknown' }, nt: true, ntKnown: length, isArray: false, safe: false, explicitSafe: false, origin: { declOffset: n.startIndex, describe: `'${f.text}' expanded to its terminator here` } };
  }
  let value: bigint | undefined;
  if (/^\d+$/.test(known)) value = BigInt(known);
  else if (f.isArray && f.bound.kind === 'count' && f.bound.countValue !== undefined && f.ntKnown === '0') value = f.bound.countValue - 1n;
  return {
    ...f,
    text: f.text,
    bound: { kind: 'count', count: known, countValue: value },
    nt: false,
    ntKnown: '0',
    isArray: false,
    safe: false,
    explicitSafe: false,
    origin: { declOffset: n.startIndex, describe: `'${f.text}' has ${value !== undefined ? String(value) : known} element${value === 1n ? '' : 's'} before its terminator after NTDROP here` },
  };
}

/** NTDROP / NTEXPAND of a pointer known not to be null-terminated is a type error (as in Deputy). */
export function ntConversionCheck(c: CheckContext, n: Parser.SyntaxNode): void {
  const conv = ntConversionOf(c.unit, n);
  if (!conv) return;
  const f = c.r.facts(conv.operand);
  if (!f || f.nt) return;
  c.error(n.startIndex, `${SPELLING[conv.kind]} needs a null-terminated pointer, but '${f.text}' is not NT`, 'bounds/nt-conversion', f);
}

/** The run-time helper behind NTEXPAND: known + the elements before the terminator from there. */
export const NT_LENGTH_PRELUDE =
  'static inline long long fgft_check_nt_length(const volatile void *s, unsigned long size, long long known, const char *f, int l) { const volatile unsigned char *b = (const volatile unsigned char *)s; if (__builtin_expect(!s, 0)) fgft_check_fail_fatal(1, f, l, 0, 0); for (long long n = known < 0 ? 0 : known;; n++) { unsigned long k = 0; while (k < size && !b[(unsigned long)n * size + k]) k++; if (k == size) return n; } }';

/** The bounds NTDROP(e) gives a local it is stored into: [e, e + elements before the terminator). */
export function ntConversionBounds(r: NtFactsSource, n: Parser.SyntaxNode): { lo: string; hi: string } | undefined {
  const f = ntConversionFacts(r, n);
  if (!f || f.nt || f.bound.kind !== 'count') return undefined;
  return { lo: f.text, hi: `${f.text} + (${f.bound.count})` };
}
