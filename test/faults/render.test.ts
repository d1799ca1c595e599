// Nesting sites for one-build mode: ranges nest or are dropped, an outer
// mutation that rewrites an inner site drops it from that variant only.
import { describe, expect, test } from 'vitest';
import { applyInRange, buildForest, renderSchema } from '../../fault-inject/render.js';
import type { FaultSite, SubEdit } from '../../fault-inject/site.js';

function site(id: string, start: number, end: number, edits: SubEdit[], kind: FaultSite['kind'] = 'expr'): FaultSite {
  return { id, operator: 'test', function: 'f', file: 'f.c', line: 1, column: start + 1, start, end, kind, mutate: () => edits };
}

describe('buildForest', () => {
  test('nested, disjoint and partially overlapping sites', () => {
    const a = site('a', 0, 10, []);
    const b = site('b', 2, 5, []);
    const c = site('c', 6, 9, []);
    const d = site('d', 4, 12, []); // overlaps a and b without nesting
    const e = site('e', 20, 25, []);
    const { roots, dropped } = buildForest([e, d, c, b, a]);
    expect(roots.map((r) => r.site.id)).toEqual(['a', 'e']);
    expect(roots[0].children.map((r) => r.site.id)).toEqual(['b', 'c']);
    expect(dropped.map((s) => s.id)).toEqual(['d']);
  });
  test('equal ranges nest in list order', () => {
    const { roots } = buildForest([site('x', 0, 3, []), site('y', 0, 3, [])]);
    expect(roots.map((r) => r.site.id)).toEqual(['x']);
    expect(roots[0].children.map((r) => r.site.id)).toEqual(['y']);
  });
});

describe('renderSchema', () => {
  const text = 'f(a + b)';
  const sel = (k: number): string => `S${k}`;
  test('an inner site appears in both variants unless the outer mutation rewrites it', () => {
    const outer = site('outer', 2, 7, [{ start: 2, end: 7, text: 'X' }], 'void');
    const inner = site('inner', 2, 3, [{ start: 2, end: 3, text: 'Z' }], 'cond');
    const [root] = buildForest([outer, inner]).roots;
    expect(renderSchema(text, root, { seed: 0, selector: sel })).toBe('(S1 ? (void)(X) : (void)((S2 ? !!(Z) : !!(a)) + b))');
  });
  test('insertions at an inner site\'s edges keep it', () => {
    const outer = site('outer', 2, 7, [{ start: 2, end: 2, text: '!(' }, { start: 7, end: 7, text: ')' }], 'cond');
    const inner = site('inner', 2, 7, [{ start: 2, end: 7, text: 'Q' }], 'void');
    const [root] = buildForest([outer, inner]).roots;
    expect(renderSchema(text, root, { seed: 0, selector: sel })).toBe(
      '(S1 ? !!(!((S2 ? (void)(Q) : (void)(a + b)))) : !!((S2 ? (void)(Q) : (void)(a + b))))',
    );
  });
  test('an expression site keeps its value in a temporary of the mutated type', () => {
    const [root] = buildForest([site('e', 2, 3, [{ start: 2, end: 3, text: '(a) + 1' }])]).roots;
    expect(renderSchema(text, root, { seed: 0, selector: sel })).toBe(
      '({ __typeof__(0 ? ((a) + 1) : ((a) + 1)) __fgft_s; if (S1) __fgft_s = ((a) + 1); else __fgft_s = (a); __fgft_s; })',
    );
  });
  test('applyInRange puts insertions before a replacement at the same offset', () => {
    expect(applyInRange('abcdef', 1, 5, [{ start: 2, end: 4, text: 'X' }, { start: 2, end: 2, text: '<' }])).toBe('b<Xe');
  });
});
