// One table per optimisation: each snippet has checks the pass must remove
// (and that stay when only that pass is switched off), and shapes where
// removing them would be wrong.
import { describe, expect, it } from 'vitest';
import { optimizations } from '../../compiler/passes/bounds/optimize/index.js';
import { checkCalls, transform } from './helpers.js';

interface BoundsDetails {
  found: number;
  removed: Record<string, number>;
  placed: number;
}

function details(src: string, disabled: string[] = []): BoundsDetails {
  const r = transform(src, { disabledOptimizations: disabled });
  expect(r.diagnostics.errorCount).toBe(0);
  return r.stats.details!.bounds as BoundsDetails;
}

/** A ring whose elements are reached through locals (issue 3's shape). */
const RING = 'struct buf { int len; }; struct ring { unsigned int count; struct buf *COUNT(count) info; };';

const removes: [string, string, number][] = [
  ['constant-bounds', 'int a[8]; int f(void) { int i = 3; return a[3] + i; }', 2],
  ['constant-bounds', 'int s(const int *COUNT(n) a, int n); int f(int *COUNT(n) p, int n) { return s(p, n); }', 1],
  ['modulo-index', 'int f(int *COUNT(n) p, unsigned int n, unsigned int i) { return p[i % n]; }', 1],
  ['modulo-index', 'struct r { unsigned short mask; int *COUNT(mask + 1) s; }; int f(struct r *NONNULL r, unsigned int i) { return r->s[i & r->mask]; }', 1],
  ['loop-index', 'int f(int *COUNT(n) p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }', 2],
  ['condition-facts', 'int f(int *COUNT(n) p, int n, int i) { if (i >= 0 && i < n) return p[i]; return 0; }', 2],
  ['condition-facts', 'int f(const unsigned char *COUNT(len) p, unsigned int len) { if (len < 14) return -1; return p[12]; }', 1],
  ['condition-facts', 'struct d { int x; }; int f(struct d *p) { return p && p->x; }', 1],
  ['dominating', 'struct d { int x, y; }; int f(struct d *p) { int a = p->x; int b = p->y; return a + b; }', 1],
  ['dominating', 'int f(int *COUNT(n) p, int n, int i) { int a = p[i]; int b = p[i]; return a + b; }', 2],
  ['hoist', 'int f(int *COUNT(n) p, int n, int m) { int s = 0; for (int i = 0; i < m; i++) s += p[i]; return s; }', 1],
];

const keeps: [string, string][] = [
  ['modulo-index', 'int f(int *COUNT(n) p, int n, int i) { return p[i % n]; }'], // n may be negative
  ['modulo-index', 'struct r { unsigned int mask; int *COUNT(mask + 1) s; }; int f(struct r *NONNULL r, unsigned int i) { return r->s[i & r->mask]; }'], // mask + 1 may wrap
  ['loop-index', 'int f(int *COUNT(n) p, int n) { int s = 0; for (int i = 0; i < n; i++) { s += p[i]; i += s; } return s; }'],
  ['condition-facts', 'int f(int *COUNT(n) p, int n, int i) { if (i < n) { i++; return p[i]; } return 0; }'],
  ['condition-facts', 'int f(const unsigned char *COUNT(len) p, unsigned int off, unsigned int len) { if (off + 2 > len) return -1; return p[off + 1]; }'],
  ['dominating', 'struct d { int x; }; int f(struct d *p, int c) { int a = c ? p->x : 0; return a + p->x; }'],
  ['hoist', 'int f(int *COUNT(n) p, int n, int m) { int s = 0; for (int i = 0; i < m; i++) { if (i == 3) break; s += p[i]; } return s; }'],
  // Range checks on a local with hidden bounds (pointing into a counted field): moving or
  // re-pointing the local between two identical accesses makes the second one a new check.
  ['dominating', `${RING} int f(struct ring *NONNULL r, unsigned int i) { struct buf *b; b = &r->info[i]; int a = b[1].len; b++; return a + b[1].len; }`],
  ['dominating', `${RING} int f(struct ring *NONNULL r, unsigned int i, unsigned int j) { struct buf *b; b = &r->info[i]; int a = b[1].len; b = &r->info[j]; return a + b[1].len; }`],
  ['dominating', `${RING} int f(struct ring *NONNULL r, unsigned int i) { struct buf *b = &r->info[i]; int a = (b + 1)->len; b += 1; return a + (b + 1)->len; }`],
];


/** Accesses through locals with hidden bounds: each must keep its range check with every optimisation on. */
const rangeKept: [string, number][] = [
  [`${RING} int f(struct ring *NONNULL r, unsigned int i) { struct buf *b; b = &r->info[i]; (b + 1)->len = 5; return b->len; }`, 2],
  [`${RING} int f(struct ring *NONNULL r, unsigned int n) { int s = 0; struct buf *p; for (p = r->info; p < r->info + n; p++) s += p->len; return s; }`, 1],
  [`${RING} int f(struct ring *NONNULL r, unsigned int i, unsigned int k) { struct buf *b = r->info + i; struct buf *c; c = b; return c[k].len + c[k].len; }`, 1],
  [`${RING} int f(struct ring *NONNULL r, unsigned int n) { int s = 0; for (unsigned int j = 0; j < n; j++) { struct buf *b; b = &r->info[j]; s += b[1].len; } return s; }`, 1],
];

describe('check optimizer', () => {
  it('has every optimisation registered once', () => {
    expect(new Set(optimizations.map((o) => o.name)).size).toBe(optimizations.length);
  });

  it.each(removes)('%s removes checks in: %s', (name, src, atLeast) => {
    const on = details(src);
    expect(on.removed[name] ?? 0).toBeGreaterThanOrEqual(atLeast);
    const off = details(src, [name]);
    expect(off.removed[name] ?? 0).toBe(0);
  });

  it.each(keeps)('%s keeps the checks in: %s', (name, src) => {
    expect(details(src).removed[name] ?? 0).toBe(0);
  });

  it('loop-index proves the lower bound of i <= n but keeps the upper check', () => {
    const r = transform('int f(int *COUNT(n) p, int n) { int s = 0; for (int i = 0; i <= n; i++) s += p[i]; return s; }', { disabledOptimizations: ['hoist'] });
    expect(r.output).toContain('fgft_check_upper(i, n,');
    expect((r.stats.details!.bounds as BoundsDetails).removed['loop-index']).toBe(1);
  });

  it.each(rangeKept)('keeps the range checks of locals with hidden bounds in: %s', (src, atLeast) => {
    const r = transform(src);
    expect(r.diagnostics.errorCount).toBe(0);
    const calls = checkCalls(r).filter((c) => c === 'fgft_check_range');
    expect(calls.length).toBeGreaterThanOrEqual(atLeast);
    expect(calls.length).toBe(checkCalls(transform(src, { optimize: false })).filter((c) => c === 'fgft_check_range').length);
  });

  it('removes a range check dominated by the same one on an unmoved local', () => {
    const src = `${RING} int f(struct ring *NONNULL r, unsigned int i) { struct buf *b; b = &r->info[i]; int a = b[1].len; int c = b[1].len; return a + c; }`;
    expect(details(src).removed['dominating'] ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('removes nothing with the optimizer off', () => {
    const r = transform('int f(int *COUNT(n) p, int n) { int s = 0; for (int i = 0; i < n; i++) s += p[i]; return s; }', { optimize: false });
    expect(r.stats.checksRemoved).toBe(0);
    expect(r.stats.checksInserted).toBeGreaterThan(0);
  });
});
