// One table per check kind: where a run-time check of that kind is inserted
// (the emitted call), and a near miss where it must not be.
import { describe, expect, it } from 'vitest';
import { transform } from './helpers.js';

type Row = [kind: string, call: RegExp, inserted: string, notInserted: string];

const rows: Row[] = [
  ['null', /fgft_check_nonnull\(p,/, 'struct s { int x; }; int f(struct s *p) { return p->x; }', 'struct s { int x; }; int f(struct s *NONNULL p) { return p->x; }'],
  ['lower+upper', /fgft_check_index\(i, n,/, 'int f(int *COUNT(n) p, int n, int i) { return p[i]; }', 'int f(int *COUNT(n) p, int n, unsigned i) { return p[i % n]; }'],
  ['upper', /fgft_check_upper\(i, n,/, 'int f(int *COUNT(n) p, int n, unsigned i) { return p[i]; }', 'int f(int *COUNT(n) p, int n, unsigned i) { return i < n ? p[i] : 0; }'],
  ['lower', /fgft_check_lower\(i,/, 'int f(int *COUNT(n) p, int n, int i) { return i < n ? p[i] : 0; }', 'int f(int *COUNT(n) p, int n, int i) { return i >= 0 && i < n ? p[i] : 0; }'],
  ['ptr-arith', /fgft_check_arith\(k, n,/, 'int *f(int *COUNT(n) p, int n, int k) { return p + k; }', 'int *f(int *COUNT(4) p) { return p + 4; }'],
  ['range', /fgft_check_range\(q, i,/, 'int f(int i) { int a[4] = {0}; int *q = a + 1; return q[i]; }', 'int f(int i) { int a[4] = {0}; return a[i & 3]; }'],
  ['nt-read', /fgft_check_nt_read\(/, 'int f(const char *NTS s, int i) { return s[i]; }', 'int f(const char *NTS s) { return s[0]; }'],
  ['nt-write', /fgft_check_nt_write\(/, 'void f(char *NTS s, int i, char c) { s[i] = c; }', 'void f(char *COUNT(n) s, int n, int i, char c) { if (i >= 0 && i < n) s[i] = c; }'],
  ['union-tag', /fgft_check_tag\(/, 'struct v { int t; union { int i WHEN(t == 1); } u; }; int f(struct v *NONNULL v) { return v->u.i; }', 'struct v { int t; union { int i; } u; }; int f(struct v *NONNULL v) { return v->u.i; }'],
  ['count', /fgft_check_count\(p, n,/, 'int f(int *COUNT(n) p, int n) { return n ? p[0] : 0; }', 'static int f(int *COUNT(n) p, int n) { return n ? p[0] : 0; }'],
  ['dependent-write', /fgft_check_dep_write\(m, b->len,/, 'struct b { int len; int *d COUNT(len); }; void f(struct b *NONNULL b, int m) { b->len = m; }', 'struct b { int len; int *d COUNT(len); }; void f(struct b *NONNULL b, int *COUNT(m) d, int m) { b->d = d; b->len = m; }'],
  ['call', /fgft_check_call\(\(m\), n,/, 'int s(int *COUNT(k) a, int k); int f(int *COUNT(n) p, int n, int m) { return s(p, m); }', 'int s(int *COUNT(k) a, int k); int f(int *COUNT(n) p, int n) { return s(p, n); }'],
  ['assign', /fgft_check_assign\(m, n,/, 'void f(int *COUNT(n) p, int n, int m) { int *COUNT(m) q = p; (void)q; }', 'void f(int *COUNT(n) p, int n) { int *COUNT(n) q = p; (void)q; }'],
  ['loop-range', /fgft_check_loop_range\(0, m, n,/, 'int f(int *COUNT(n) p, int n, int m) { int s = 0; for (int i = 0; i < m; i++) s += p[i]; return s; }', 'int f(int *COUNT(n) p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }'],
];

describe.each(rows)('%s checks', (_kind, call, inserted, notInserted) => {
  it('are inserted', () => {
    const r = transform(inserted);
    expect(r.diagnostics.errorCount).toBe(0);
    expect(r.output.slice(r.output.lastIndexOf('fgft.h"'))).toMatch(call);
  });
  it('are not inserted (or are proved) in the near miss', () => {
    const r = transform(notInserted);
    expect(r.diagnostics.errorCount).toBe(0);
    expect(r.output.slice(r.output.lastIndexOf('fgft.h"'))).not.toMatch(call);
  });
});
