// NTEXPAND / NTDROP (nt-conversions.ts): what each conversion emits, and the
// conversions that are compile-time errors.
import { describe, expect, it } from 'vitest';
import { errorsOf, transform } from './helpers.js';

const main = (out: string): string => out.slice(out.lastIndexOf('fgft.h"'));

type Emits = [what: string, src: string, emitted: RegExp];

const emits: Emits[] = [
  ['NTEXPAND(s)[i] reads up to the terminator, found by scanning', 'int f(const char *NTS s, int i) { return NTEXPAND(s)[i]; }', /fgft_check_nt_read\(\(const volatile char \*\)\(s\), i, fgft_check_nt_length\(s, sizeof\(\*\(s\)\), 0, /],
  ['NTEXPAND starts scanning where NTC(n) ends', 'int f(const char *NTC(3) s, int i) { return NTEXPAND(s)[i]; }', /fgft_check_nt_length\(s, sizeof\(\*\(s\)\), 3, /],
  ['NTEXPAND(s)[i] = v keeps the terminator', 'void f(char *NTS s, int i, char c) { NTEXPAND(s)[i] = c; }', /fgft_check_nt_write\(\(volatile char \*\)\(s\), i, c, /],
  ['NTDROP(NTEXPAND(s)) is counted up to the terminator', 'int f(const char *NTS s, int i) { return NTDROP(NTEXPAND(s))[i]; }', /fgft_check_index\(i, fgft_check_nt_length\(s, /],
  ['NTDROP of a string literal has its characters, not the terminator', 'int f(int i) { return NTDROP("abc")[i]; }', /fgft_check_index\(i, 3, /],
  ['NTDROP of NTC(n) has n elements', 'int f(const char *NTC(4) s, int i) { return NTDROP(s)[i]; }', /fgft_check_index\(i, 4, /],
  ['a local given NTDROP(NTEXPAND(s)) keeps those bounds', 'int f(const char *NTS s, int i) { const char *p = NTDROP(NTEXPAND(s)); return p[i]; }', /p__fgft_hi = \(__typeof__\(p\)\)\(s \+ \(fgft_check_nt_length\(s, .*fgft_check_range\(p, i, /],
  ['the operand is checked like any expression', 'struct v { char *NTS name; }; int f(struct v *v, int i) { return NTEXPAND(v->name)[i]; }', /fgft_check_nonnull\(v, /],
  ['NTDROP(NTEXPAND(s)) into a COUNT parameter is a call check against the length', 'int g(const char *COUNT(n) p, int n); int f(const char *NTS s, int n) { return g(NTDROP(NTEXPAND(s)), n); }', /fgft_check_call\(\(n\), fgft_check_nt_length\(s, /],
];

describe('NT conversions emit', () => {
  it.each(emits)('%s', (_what, src, emitted) => {
    const r = transform(src);
    expect(errorsOf(r)).toEqual([]);
    expect(main(r.output)).toMatch(emitted);
    // The annotations themselves never reach the C compiler, not even inside __typeof__.
    expect(main(r.output)).not.toMatch(/fgft_nt(drop|expand)/);
  });
});

type Rejects = [what: string, src: string, line: number, message: string];

const rejects: Rejects[] = [
  ['NTEXPAND of a COUNT pointer', 'int f(const char *COUNT(n) s, int n) { return n ? NTEXPAND(s)[0] : 0; }', 2, "NTEXPAND needs a null-terminated pointer, but 's' is not NT"],
  ['NTDROP of an array that is not NT', 'int f(void) { char b[4] = "ab"; return NTDROP(b)[0]; }', 2, "NTDROP needs a null-terminated pointer, but 'b' is not NT"],
  ['NTDROP of a plain NTS: no element before the terminator is known', 'int f(const char *NTS s) { return NTDROP(s)[0]; }', 2, 'out of bounds'],
  ['NTDROP of a literal at its terminator', 'int f(void) { return NTDROP("abc")[3]; }', 2, 'index 3 is out of bounds'],
];

describe('NT conversions reject', () => {
  it.each(rejects)('%s', (_what, src, line, message) => {
    const errors = errorsOf(transform(src));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBe(line);
    expect(errors[0].message).toContain(message);
  });
});

describe('the NT length helper', () => {
  it('is in the prelude only when NTEXPAND is used', () => {
    expect(transform('int f(const char *NTS s, int i) { return NTEXPAND(s)[i]; }').output).toMatch(/static inline long long fgft_check_nt_length\(/);
    expect(transform('int f(const char *NTS s, int i) { return s[i]; }').output).not.toMatch(/fgft_check_nt_length/);
  });
});
