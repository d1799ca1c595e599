// SEQ / FSEQ parameters (seq.ts): the hidden bound parameters of every
// declaration, the bounds each caller passes, the checks inside the
// function, and the moves an FSEQ cannot make.
import { describe, expect, it } from 'vitest';
import { errorsOf, transform } from './helpers.js';

const main = (out: string): string => out.slice(out.lastIndexOf('fgft.h"'));

const GET = 'int get(int *SEQ p, int i);\n';
const RING = 'struct ring { int *SEQ data; int *FSEQ cur; int n; };\n';
const FWD = 'int fwd(int *FSEQ p, int i);\n';

type Emits = [what: string, src: string, emitted: RegExp];

const emits: Emits[] = [
  ['a SEQ parameter gets lower and upper bound parameters', GET, /int get\(int \*\s+p, int \* p__fgft_lo __attribute__\(\(unused\)\), int \* p__fgft_hi __attribute__\(\(unused\)\), int i\);/],
  ['an FSEQ parameter gets only an upper bound parameter', FWD, /int fwd\(int \*\s+p, int \* p__fgft_hi __attribute__\(\(unused\)\), int i\);/],
  ['an unnamed SEQ parameter is named by position', 'int g(int *SEQ, int);', /int g\(int \*\s*, int \* __fgft_seq0__fgft_lo __attribute__\(\(unused\)\), int \* __fgft_seq0__fgft_hi __attribute__\(\(unused\)\)\s*, int\);/],
  ['p[i] is checked against the passed bounds', 'int get(int *SEQ p, int i) { return p[i]; }', /fgft_check_range\(p, i, sizeof\(\*\(p\)\), p__fgft_lo, p__fgft_hi, /],
  ['an FSEQ is its own lower bound', 'int fwd(int *FSEQ p, int i) { return p[i]; }', /fgft_check_range\(p, i, sizeof\(\*\(p\)\), p, p__fgft_hi, /],
  ['p + k may reach one past the end', 'int *end(int *SEQ p, int k) { return p + k; }', /fgft_check_range_arith\(p, k, sizeof\(\*\(p\)\), p__fgft_lo, p__fgft_hi, /],
  ['p - k on a SEQ stays above its lower bound', 'int *back(int *SEQ p, int k) { return p - k; }', /fgft_check_range_arith\(p, -\(k\), sizeof\(\*\(p\)\), p__fgft_lo, p__fgft_hi, /],
  ['p -= k on an FSEQ must not go back', 'int back(int *FSEQ p, int k) { p -= k; return *p; }', /\(fgft_check_range_arith\(p, -\(k\), sizeof\(\*\(p\)\), p, p__fgft_hi, [^)]*\), p -= k\)/],
  ['*p++ checks the element before moving', 'int sum(int *FSEQ p, int *e) { int s = 0; while (p != e) s += *p++; return s; }', /\*\(fgft_check_range\(p, 0, sizeof\(\*\(p\)\), p, p__fgft_hi, [^)]*\), p\+\+\)/],
  ['a COUNT argument passes its object', GET + 'int f(int *COUNT(n) q, int n) { return get(q + 1, 0); }', /get\(q \+ fgft_check_arith\(1, n, [^)]*\), \(int \*\)\(q\), \(int \*\)\(q \+ \(n\)\), 0\)/],
  ['an array argument passes the array', GET + 'int f(void) { int a[4] = {0}; return get(&a[1], 0); }', /get\(&a\[1\], \(int \*\)\(a\), \(int \*\)\(a \+ \(4\)\), 0\)/],
  ['the address of a variable passes one object', GET + 'int f(void) { int x = 0; return get(&x, 0); }', /get\(&x, \(int \*\)\(&\(x\)\), \(int \*\)\(&\(x\) \+ 1\), 0\)/],
  ['a SAFE argument passes one element', GET + 'int f(int *SAFE x) { return get(x, 0); }', /get\(x, \(int \*\)\(x\), \(int \*\)\(x \+ \(1\)\), 0\)/],
  ['a SEQ parameter passes its own bounds on', GET + 'int f(int *SEQ p) { return get(p + 1, 0); }', /get\(p \+ fgft_check_range_arith\([^;]*\), \(int \*\)\(p__fgft_lo\), \(int \*\)\(p__fgft_hi\), 0\)/],
  ['an FSEQ argument passes its upper bound', FWD + 'int f(int *COUNT(n) q, int n) { return fwd(q, 0); }', /fwd\(q, \(int \*\)\(q \+ \(n\)\), 0\)/],
  ['NULL passes empty bounds', GET + 'int f(void) { return get(0, 0); }', /get\(0, \(int \*\)0, \(int \*\)0, 0\)/],
  ['a value of unknown bounds passes no bounds', GET + 'int *src(void);\nint f(void) { return get(src(), 0); }', /get\(src\(\), \(int \*\)0, \(int \*\)~0UL, 0\)/],
  ['a trusted caller passes no bounds', GET + 'TRUSTED int f(int *COUNT(n) q, int n) { return get(q, n); }', /get\(q, \(int \*\)0, \(int \*\)~0UL, n\)/],
  ['assigning the parameter takes the new bounds', 'int f(int *SEQ p, int *COUNT(2) q) { p = q; return p[1]; }', /\(p = q\), p__fgft_lo = \(int \*\)\(q\), p__fgft_hi = \(int \*\)\(q \+ \(2\)\);/],
  ['moving the parameter keeps its bounds', 'int f(int *SEQ p) { p = p + 1; return p[0]; }', /p = p \+ fgft_check_range_arith\(p, 1, [^;]*; return/],
  // Fields: hidden fields last, set by stores and initialisers; an upper bound of 0 is unknown.
  ['a SEQ field gets hidden fields at the end of its struct', RING, /int n;\s*int \* data__fgft_lo; int \* data__fgft_hi; int \* cur__fgft_hi;\s*};/],
  ['hidden fields go before a flexible array member', 'struct m { int *SEQ d; int n; int tail[]; };', /int n;\s*int \* d__fgft_lo; int \* d__fgft_hi;\s*int tail\[\];/],
  ['x->f[i] is checked against the hidden fields', RING + 'int f(struct ring *NONNULL r, int i) { return r->data[i]; }', /fgft_check_range\(r->data, i, sizeof\(\*\(r->data\)\), r->data__fgft_lo, \(r->data__fgft_hi \?: \(__typeof__\(r->data__fgft_hi\)\)~0UL\), /],
  ['an FSEQ field is its own lower bound', RING + 'int f(struct ring *NONNULL r, int i) { return r->cur[i]; }', /fgft_check_range\(r->cur, i, sizeof\(\*\(r->cur\)\), r->cur, /],
  ['a store sets the hidden fields', RING + 'void f(struct ring *NONNULL r, int *COUNT(n) q, int n) { r->data = q; }', /\(r->data = q\), r->data__fgft_lo = \(int \*\)\(q\), r->data__fgft_hi = \(int \*\)\(q \+ \(n\)\);/],
  ['an allocation stored counts its bytes', RING + 'void *malloc(unsigned long);\nvoid f(struct ring *NONNULL r, int n) { r->data = malloc(n); }', /r->data__fgft_hi = \(int \*\)\(\(char \*\)\(r->data\) \+ \(\(n\)\)\)/],
  ['a store of unknown bounds makes them unknown', RING + 'int *src(void);\nvoid f(struct ring *NONNULL r) { r->data = src(); }', /r->data__fgft_lo = \(int \*\)0, r->data__fgft_hi = 0;/],
  ['a designated initialiser sets the hidden fields', RING + 'int f(void) { int a[4] = {0}; struct ring r = { .data = a + 1, .n = 3 }; return r.n; }', /\.data = a \+ 1, \.data__fgft_lo = \(int \*\)\(a\), \.data__fgft_hi = \(int \*\)\(a \+ \(4\)\), \.n = 3/],
  ['a complete positional initialiser gets the hidden values', RING + 'int f(void) { int a[4] = {0}; struct ring r = { a + 1, a, 3 }; return r.n; }', /\{ a \+ 1, a, 3, \(int \*\)\(a\), \(int \*\)\(a \+ \(4\)\), \(int \*\)\(a \+ \(4\)\) \}/],
  ['a global positional initialiser starts unknown', RING + 'int store[2];\nstruct ring g = { store, store, 2 };', /\{ store, store, 2, \(int \*\)0, \(int \*\)0, \(int \*\)0 \}/],
  // Results: thread-local bounds set by every return, read just after the call.
  ['a SEQ result sets the returned bounds', 'int t[4];\nint *SEQ at(int k) { return t + k; }', /return \(fgft_check_seq_ret_lo = \(void \*\)\(t\), fgft_check_seq_ret_hi = \(void \*\)\(t \+ \(4\)\), t \+ k\);/],
  ['the returned bounds are weak thread-locals', 'int t[4];\nint *SEQ at(int k) { return t + k; }', /__attribute__\(\(weak\)\) __thread void \*fgft_check_seq_ret_lo, \*fgft_check_seq_ret_hi;/],
  ['a local given the result takes the returned bounds', 'int *SEQ at(int k);\nint f(int i) { int *w = at(1); return w[i]; }', /w__fgft_lo = \(__typeof__\(w\)\)\(fgft_check_seq_ret_lo\), w__fgft_hi = \(__typeof__\(w\)\)\(\(fgft_check_seq_ret_hi \?: \(void \*\)~0UL\)\);.*fgft_check_range\(w, i, /],
  ['a TRUSTED SEQ function returns unknown bounds', 'int t[4];\nTRUSTED int *SEQ at(int k) { return t + k; }', /return \(fgft_check_seq_ret_lo = \(void \*\)0, fgft_check_seq_ret_hi = \(void \*\)0, t \+ k\);/],
];

describe('SEQ / FSEQ parameters, fields and results emit', () => {
  it.each(emits)('%s', (_what, src, emitted) => {
    const r = transform(src);
    expect(errorsOf(r)).toEqual([]);
    // The prelude (the returned bounds' variables) comes before the snippet.
    expect(emitted.source.includes('__thread') ? r.output : main(r.output)).toMatch(emitted);
  });
});

const rejects: [what: string, src: string, line: number, message: string][] = [
  ['p-- on an FSEQ', 'int f(int *FSEQ p) { p--; return *p; }', 2, "'p--' moves FSEQ pointer 'p' below its start"],
  ['p -= 2 on an FSEQ', 'int f(int *FSEQ p) { p -= 2; return *p; }', 2, 'below its start'],
  ['p - 1 on an FSEQ', 'int f(int *FSEQ p) { return *(p - 1); }', 2, 'below its start'],
  ['a SEQ field stored through a call result', 'struct ring { int *SEQ data; };\nstruct ring *get(void);\nvoid f(int *COUNT(2) q) { get()->data = q; }', 4, "the bounds of sequence field 'data' cannot follow a store through 'get()'"],
  ['a SEQ field stored through a cast', 'struct ring { int *SEQ data; };\nvoid f(int *COUNT(2) q, void *v) { ((struct ring *)v)->data = q; }', 3, "the bounds of sequence field 'data' cannot follow a store through '((struct ring *)v)'"],
  ['a SEQ field stored through an expression with side effects', 'struct ring { int *SEQ data; };\nvoid f(int *COUNT(2) q, struct ring **COUNT(2) rs, int i) { rs[i++]->data = q; }', 3, "the bounds of SEQ field 'data' cannot follow a store through 'rs[i++]'"],
];

describe('SEQ / FSEQ parameters reject', () => {
  it.each(rejects)('%s', (_what, src, line, message) => {
    const errors = errorsOf(transform(src));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBe(line);
    expect(errors[0].message).toContain(message);
  });

  it('leaves a same-named field of another struct alone', () => {
    const r = transform('struct ring { int *SEQ data; };\nstruct other { int *data; };\nvoid f(int *q, void *v) { ((struct other *)v)->data = q; }');
    expect(errorsOf(r)).toEqual([]);
  });

  it('allows moving a SEQ back (its lower bound is passed in)', () => {
    const r = transform('int f(int *SEQ p) { p--; return *p; }');
    expect(errorsOf(r)).toEqual([]);
    expect(main(r.output)).toMatch(/fgft_check_range_arith\(p, -\(1\), sizeof\(\*\(p\)\), p__fgft_lo, p__fgft_hi, [^)]*\), p--\)/);
  });
});
