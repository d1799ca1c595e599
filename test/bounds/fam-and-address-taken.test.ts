// Flexible array member counts (writes to the count against the allocation,
// or shrink-only) and address-taken locals (stores through a local alias keep
// the hidden bounds; an escaping address gives none). Table rows: snippet, the
// check text it must contain (or must not).
import { describe, expect, it } from 'vitest';
import { errorsOf, transform } from './helpers.js';

const body = (r: ReturnType<typeof transform>): string => r.output.slice(r.output.lastIndexOf('fgft.h"'));

const MSG = 'struct msg { int n; int data[] __counted_by(n); };';
const SIZE = '#define struct_size(p, m, k) (sizeof(*(p)) + sizeof((p)->m[0]) * (k))\n';

type Row = [what: string, snippet: string, must: RegExp | null, mustNot: RegExp | null];

const fam: Row[] = [
  ['m->data[i] is checked against m->n', `${MSG} int f(struct msg *NONNULL m, int i) { return m->data[i]; }`, /m->data\[fgft_check_index_fixed\(i, m->n,/, null],
  ['count set after malloc(struct_size(...)): against the allocation', `${SIZE}${MSG} void *malloc(unsigned long); void f(int k) { struct msg *m = malloc(struct_size(m, data, k)); if (m) m->n = k; }`,
    /->n = fgft_check_dep_write\(k, \(\(long long\)\(\(\(sizeof\(\*\(m\)\) \+ sizeof\(\(m\)->data\[0\]\) \* \(k\)\)\)\) - \(long long\)\(\(char \*\)\(m\)->data - \(char \*\)\(m\)\)\) \/ \(long long\)sizeof\(\(m\)->data\[0\]\),/, null],
  ['count set after malloc(sizeof(*m) + k * sizeof(int))', `${MSG} void *malloc(unsigned long); void f(int k) { struct msg *m = malloc(sizeof(*m) + k * sizeof(int)); if (m) m->n = k; }`, /fgft_check_dep_write\(k, \(\(long long\)\(\(sizeof\(\*m\) \+ k \* sizeof\(int\)\)\)/, null],
  ['the size changed after the allocation: shrink-only', `${MSG} void *malloc(unsigned long); void f(int k) { struct msg *m = malloc(sizeof(*m) + k * sizeof(int)); k++; if (m) m->n = k; }`, /fgft_check_dep_write\(k, m->n,/, /sizeof\(\(m\)->data\[0\]\)/],
  ['a parameter\'s count may only shrink', `${MSG} void f(struct msg *NONNULL m, int k) { m->n = k; }`, /m->n = fgft_check_dep_write\(k, m->n,/, null],
  ['m->n++ is checked before it happens', `${MSG} void f(struct msg *NONNULL m) { m->n++; }`, /\(fgft_check_dep_write\(m->n \+ 1, m->n, [^)]*\), m->n\+\+\)/, null],
  ['m->n += k', `${MSG} void f(struct msg *NONNULL m, int k) { m->n += k; }`, /\(fgft_check_dep_write\(m->n \+ \(k\), m->n,/, null],
  ['m->n-- shrinks: nothing to check', `${MSG} void f(struct msg *NONNULL m) { m->n--; }`, null, /fgft_check_dep_write/],
  ['ASSUMECONST count: nothing to check', 'struct msg { int n ASSUMECONST; int data[] __counted_by(n); }; void f(struct msg *NONNULL m, int k) { m->n = k; }', null, /fgft_check_dep_write/],
  ['a plain int field next to a FAM is not a count', 'struct msg { int n; int other; int data[] __counted_by(n); }; void f(struct msg *NONNULL m, int k) { m->other = k; }', null, /fgft_check_dep_write/],
  ['a pointer to a FAM struct from a small allocation still has its one struct', `${MSG.replace('int n;', 'long stamp; char n;').replace('int data', 'char data')} void *malloc(unsigned long); long f(void) { struct msg *m = malloc(sizeof(long) + 1 + 3); return m ? m->stamp : 0; }`,
    /__builtin_offsetof\(__typeof__\(\*\(m\)\), data\) \? 0 : [^?]*< \(long long\)sizeof\(\*\(m\)\) \? 1 :/, null],
];

const addressTaken: Row[] = [
  ['*pp += k moves p inside its object: p keeps its bounds', 'int f(int k) { int a[8] = {0}; int *p = &a[2]; int **pp = &p; *pp += k; return p[0]; }', /fgft_check_range\(p, 0, sizeof\(\*\(p\)\), p__fgft_lo, p__fgft_hi,/, null],
  ['*pp = v gives p v\'s bounds', 'int f(int i) { int a[8] = {0}, b[2] = {0}; int *p = a; int **pp = &p; *pp = b; return p[i]; }', / = b\), p__fgft_lo = \(__typeof__\(p\)\)\(b\), p__fgft_hi = \(__typeof__\(p\)\)\(b \+ \(2\)\);/, null],
  ['pp = &p as an assignment is an alias too', 'int f(int i) { int a[8] = {0}; int *p = a; int **pp; pp = &p; (*pp)++; return p[i]; }', /fgft_check_range\(p, i,/, null],
  ['(*pp)[i] reads p through the alias: checked as p[i]', 'int f(int i) { int a[8] = {0}; int *p = a + 1; int **pp = &p; *pp += 1; return (*pp)[i]; }', /\(\*\(\(__typeof__\(pp\)\)fgft_check_nonnull\([^;]*\)\)\[fgft_check_range\(p, i, sizeof\(\*\(p\)\), p__fgft_lo, p__fgft_hi,/, null],
  ['&p passed to a function: p keeps no bounds (null checks only), no false error', 'void get(int **out); int f(int i) { int a[8] = {0}; int *p = a; get(&p); return p[i]; }', /fgft_check_nonnull\(p,/, /p__fgft_lo|fgft_check_range/],
  ['the alias passed on: no bounds', 'void get(int **out); int f(int i) { int a[8] = {0}; int *p = a; int **pp = &p; get(pp); return p[i]; }', null, /p__fgft_lo|fgft_check_range/],
  ['the alias pointed elsewhere: no bounds', 'int f(int i) { int a[8] = {0}; int *p = a, *q = a; int **pp = &p; pp = &q; *pp += 9; return p[i] + q[0]; }', null, /\bp__fgft_lo/],
  ['&*pp: no bounds', 'void get(int **out); int f(int i) { int a[8] = {0}; int *p = a; int **pp = &p; get(&*pp); return p[i]; }', null, /\bp__fgft_lo/],
  ['an int whose address is taken (scanf-style) changes nothing', 'int sscanf(const char *, const char *, ...); int f(void) { int a[4] = {0}; int *p = a + 1; int x = 0; sscanf("1", "%d", &x); return p[x]; }', /fgft_check_range\(p, x, sizeof\(\*\(p\)\), a, a \+ \(4\),/, /x__fgft/],
];

describe.each([...fam, ...addressTaken])('%s', (_what, snippet, must, mustNot) => {
  it('gets the right checks', () => {
    const r = transform(snippet, { optimize: false });
    expect(errorsOf(r)).toEqual([]);
    if (must) expect(body(r)).toMatch(must);
    if (mustNot) expect(body(r)).not.toMatch(mustNot);
  });
});

describe('checks across a store through an alias', () => {
  it('are not merged by the optimizer: *pp += 10 between two p[0] changes p', () => {
    const r = transform('int f(void) { int a[8] = {0}; int *p = &a[2]; int **pp = &p; int s = p[0]; *pp += 10; return s + p[0]; }');
    expect(errorsOf(r)).toEqual([]);
    expect(body(r).match(/fgft_check_range\(p, 0,/g)).toHaveLength(2);
  });
  it('... nor are two (*pp)[0] around it', () => {
    const r = transform('int f(void) { int a[8] = {0}; int *p = &a[2]; int **pp = &p; int s = (*pp)[0]; *pp += 10; return s + (*pp)[0]; }');
    expect(errorsOf(r)).toEqual([]);
    expect(body(r).match(/fgft_check_range\(p, 0,/g)).toHaveLength(2);
  });
});
