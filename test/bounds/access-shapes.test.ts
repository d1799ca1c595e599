// Access shapes that used to get no check: additive chains (`*(b + k + j)`,
// `*(k + b)`, `(b + k)[j]`), pointer minus integer, statement expressions as the
// base of an access, and several declarators in one declaration. Each row: the
// snippet, the check call it must get (with its offset text), and a near miss
// that must stay unchecked or be proved.
import { describe, expect, it } from 'vitest';
import { errorsOf, transform } from './helpers.js';

const body = (r: ReturnType<typeof transform>): string => r.output.slice(r.output.lastIndexOf('fgft.h"'));

type Row = [shape: string, snippet: string, check: RegExp];

const checked: Row[] = [
  ['*(b + k + j): one check on the summed offset', 'int f(int *COUNT(n) b, int n, int k, int j) { return *(b + k + j); }', /\(fgft_check_index\(\(long long\)k \+ j, n, [^)]*\), b \+ k \+ j\)/],
  ['*(k + b): the offset on the left is wrapped where it stands', 'int f(int *COUNT(n) b, int n, int k) { return *(k + b); }', /\*\(fgft_check_index\(k, n, [^)]*\) \+ b\)/],
  ['*(k + b + j): pointer in the middle', 'int f(int *COUNT(n) b, int n, int k, int j) { return *(k + b + j); }', /fgft_check_index\(\(long long\)k \+ j, n,/],
  ['(b + k)[j] is b[k + j]', 'int f(int *COUNT(n) b, int n, int k, int j) { return (b + k)[j]; }', /fgft_check_index\(\(long long\)k \+ j, n,/],
  ['*(b + (k - j)): through parentheses', 'int f(int *COUNT(n) b, int n, int k, int j) { return *(b + (k - j)); }', /fgft_check_index\(\(k - j\), n,|fgft_check_index\(\(long long\)k - j, n,/],
  ['*(b + n - k): a subtracted term', 'int f(int *COUNT(n) b, int n, int k) { return *(b + n - k); }', /fgft_check_index\(\(long long\)n - k, n,/],
  ['*(p - k) on an inferred local: lower bound', 'int f(int k) { int a[4] = {0}; int *p = a + 2; return *(p - k); }', /fgft_check_range\(p, -\(long long\)k, sizeof\(\*\(p\)\), a, a \+ \(4\)/],
  ['p - k as arithmetic on an inferred local', 'int *f(int k) { static int a[4]; int *p = a + 2; return p - k; }', /fgft_check_range_arith\(p, -\(long long\)k,/],
  ['p - k on a COUNT pointer', 'int *f(int *COUNT(n) p, int n, int k) { return p - k; }', /fgft_check_arith\(-\(long long\)k, n,/],
  ['*({ ...; b; }) is checked inside, on the value', 'int f(int *COUNT(n) b, int n, int i) { return *({ int k = i; b + k; }); }', /\*\(\{ int k = i; b \+ fgft_check_index\(k, n,/],
  ['({ ...; t; })[i]: a comma check before the value, inside', 'int f(int *COUNT(n) b, int n, int i) { return ({ int *t = b; t; })[i]; }', /\(fgft_check_range\(t, i, sizeof\(\*\(t\)\), b, b \+ \(n\),[^)]*\), t\); \}\)\[i\]/],
  ['({ ...; b; })[g()] on a COUNT pointer: the index is checked outside, evaluated once', 'int g(void); int f(int *COUNT(n) b, int n) { return ({ g(); b; })[g()]; }', /\}\)\[fgft_check_index\(g\(\), n,/],
  ['({ n++; b; })[i]: the block changes the count, so the check goes inside', 'int f(int *COUNT(n) b, int n, int i) { return ({ n--; b; })[i]; }', /\(fgft_check_index\(i, n, [^)]*\), b\); \}\)\[i\]/],
  ['T *p = ..., *q = p + 1: p\'s hidden bounds are declared before q uses them', 'int f(int k) { int a[4] = {0}, b[2] = {0}; int *p = a, *q = p + 1; p = b; return q[k] + p[0]; }', /\*p__fgft_lo __attribute__\(\(unused\)\) = \(__typeof__\(p\)\)\(a\), \*p__fgft_hi __attribute__\(\(unused\)\) = \(__typeof__\(p\)\)\(a \+ \(4\)\), \*q = p/],
];

describe.each(checked)('%s', (_shape, snippet, check) => {
  it('gets its check', () => {
    const r = transform(snippet, { optimize: false });
    expect(errorsOf(r)).toEqual([]);
    expect(body(r)).toMatch(check);
  });
});

const notChecked: [shape: string, snippet: string][] = [
  ['container_of: (char *)p - offsetof(...)', 'struct o { int t; int m; }; int f(int *COUNT(1) p) { struct o *x = (struct o *)((char *)p - __builtin_offsetof(struct o, m)); return x->t; }'],
  ['a difference through a pointer typedef', 'typedef int *iptr; long f(int *COUNT(n) p, iptr q, int n) { (void)n; return p - q; }'],
  ['pointer difference p - q', 'long f(int *COUNT(n) p, int *COUNT(n) q, int n) { return p - q; }'],
  ['a string walked back: end - 1 (NT bounds only look forward)', 'int f(const char *NTS s, int n) { const char *NTS e = s; (void)n; return *(e - 1); }'],
];

describe.each(notChecked)('%s', (_shape, snippet) => {
  it('gets no bound check, and no error', () => {
    const r = transform(snippet, { optimize: false });
    expect(errorsOf(r)).toEqual([]);
    expect(body(r)).not.toMatch(/fgft_check_(index|lower|upper|arith|range|range_arith)\(/);
  });
});

const compileErrors: [shape: string, snippet: string, message: string][] = [
  ['*(a + 2 + 2) on int a[4]', 'int f(void) { int a[4] = {0}; return *(a + 2 + 2); }', "index 4 is out of bounds of 'a'"],
  ['*(a + 1 - 2) on int a[4]', 'int f(void) { int a[4] = {0}; return *(a + 1 - 2); }', "index -1 is out of bounds of 'a'"],
  ['k + p on a SAFE pointer', 'int *f(int *SAFE p, int k) { return k + p; }', "arithmetic on SAFE pointer 'p'"],
];

describe.each(compileErrors)('%s', (_shape, snippet, message) => {
  it('is a compile-time error', () => {
    const errors = errorsOf(transform(snippet));
    expect(errors.length).toBe(1);
    expect(errors[0].message).toContain(message);
  });
});

describe('a chain with side effects is not evaluated twice', () => {
  it('checks its parts as before: b + k, not the call', () => {
    const r = transform('int g(void); int f(int *COUNT(n) b, int n, int k) { return *(b + k + g()); }', { optimize: false });
    expect(errorsOf(r)).toEqual([]);
    expect(body(r)).toMatch(/\*\(b \+ fgft_check_arith\(k, n, [^)]*\) \+ g\(\)\)/);
    expect(body(r).match(/g\(\)/g)).toHaveLength(1);
  });
});

describe('the optimizer still proves shaped accesses', () => {
  it('removes the check of *(a + i + 1) under i + 1 < 4 ... only when it can: constant offsets', () => {
    const r = transform('int f(void) { int a[4] = {0}; return *(a + 1 + 2); }');
    expect(errorsOf(r)).toEqual([]);
    expect(body(r)).not.toMatch(/fgft_check_index/);
    expect(r.stats.checksRemoved).toBeGreaterThan(0);
  });
  it('removes a check on *(k + b) inside if (k >= 0 && k < n)', () => {
    const r = transform('int f(int *COUNT(n) b, int n, int k) { if (k >= 0 && k < n) return *(k + b); return 0; }');
    expect(errorsOf(r)).toEqual([]);
    expect(body(r)).not.toMatch(/fgft_check_(index|lower|upper)/);
  });
});
