// The documented PRNG, the overrun distribution, the pass's reports, and the
// `fgftc faults` subcommand.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { faultsCommand } from '../../compiler/commands/faults.js';
import { drawOverrun } from '../../fault-inject/overrun.js';
import { fnv1a64, Rng, splitmix64 } from '../../fault-inject/prng.js';
import { FIXTURES, transformDriver } from './helpers.js';

describe('splitmix64', () => {
  test('matches the reference outputs for seed 0', () => {
    // Reference: Vigna's splitmix64.c, x = 0: first three outputs.
    let s = 0n;
    const out: bigint[] = [];
    for (let i = 0; i < 3; i++) {
      const [next, v] = splitmix64(s);
      s = next;
      out.push(v);
    }
    expect(out).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  });
  test('FNV-1a 64 reference values', () => {
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
  });
  test('below(n) is uniform enough and in range', () => {
    const rng = new Rng(42);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[rng.below(3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});

test('overruns follow the SafeDrive/Nooks distribution', () => {
  const rng = new Rng(7);
  const n = 50_000;
  let one = 0;
  let mid = 0;
  let far = 0;
  for (let i = 0; i < n; i++) {
    const k = drawOverrun(rng);
    if (k === 1) one++;
    else if (k >= 2 && k <= 1024) mid++;
    else if (k >= 2048 && k <= 4096) far++;
    else throw new Error(`overrun ${k} outside every band`);
  }
  expect(one / n).toBeCloseTo(0.5, 1);
  expect(mid / n).toBeCloseTo(0.44, 1);
  expect(far / n).toBeCloseTo(0.06, 1);
});

describe('injection reports', () => {
  test('stats carry file:line, operator, before and after', () => {
    const t = transformDriver({ operator: 'lockleak', siteId: 'drv_stat:49:2:lockleak#1' });
    const d = t.stats.details?.['fault-inject'] as { mode: string; injected: Record<string, unknown>[] };
    expect(t.stats.faultsInjected).toBe(1);
    expect(d.mode).toBe('single');
    expect(d.injected).toEqual([
      expect.objectContaining({
        id: 'drv_stat:49:2:lockleak#1', operator: 'lockleak', line: 49, column: 2,
        before: 'spin_unlock(&ad->lock)', after: '((void)(&ad->lock))',
      }),
    ]);
    expect(String(d.injected[0].file)).toMatch(/driver\.c$/);
    expect(t.diagnostics.list.filter((x) => x.severity === 'note')).toEqual([]);
  });
  test('verbose: each injection is a note diagnostic at the site', () => {
    const t = transformDriver({ operator: 'lockleak', siteId: 'drv_stat:49:2:lockleak#1', verbose: true });
    const notes = t.diagnostics.list.filter((x) => x.severity === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0].location).toMatchObject({ line: 49, column: 2 });
    expect(notes[0].message).toBe("injected fault lockleak (site drv_stat:49:2:lockleak#1): 'spin_unlock(&ad->lock)' -> '((void)(&ad->lock))'");
  });
  test('an unknown operator or site is a user error, not a crash', () => {
    expect(transformDriver({ operator: 'nosuch' }).diagnostics.list[0].message).toMatch(/unknown fault type 'nosuch'/);
    expect(transformDriver({ operator: 'lockleak', siteId: 'drv_stat:1:1:lockleak#1' }).diagnostics.list[0].message).toMatch(/no fault site/);
  });
  test('an operator with no site in the file warns and changes nothing', () => {
    const base = transformDriver(undefined);
    const t = transformDriver({ operator: 'allocfail', seed: 1 }, 'harness.c');
    expect(t.stats.faultsInjected).toBe(0);
    expect(t.diagnostics.list[0]).toMatchObject({ severity: 'warning', rule: 'fault/no-site' });
    expect(base.stats.faultsInjected).toBe(0);
  });
});

describe('fgftc faults', () => {
  let out = '';
  afterEach(() => vi.restoreAllMocks());
  const capture = (): void => {
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  };

  test('list names every operator', async () => {
    capture();
    expect(await faultsCommand.run(['list'])).toBe(0);
    for (const name of ['scanoverrun', 'offbyone', 'nullptr', 'badptr', 'uninit', 'invertcond', 'dropcheck', 'srccorrupt',
      'dstcorrupt', 'allocfail', 'lockleak', 'irqleak', 'doublefree', 'memleak', 'infloop', 'badparam', 'dropassign', 'dropcall']) {
      expect(out).toMatch(new RegExp(`^${name} `, 'm'));
    }
  });

  test('sites preprocesses with the given flags and marks the seed\'s choice', async () => {
    capture();
    expect(await faultsCommand.run(['sites', `-I${FIXTURES}`, `${FIXTURES}/driver.c`, '--fault', 'lockleak', '--seed', '0', '--json'])).toBe(0);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; chosen: boolean; location: string });
    expect(rows.map((r) => r.id)).toEqual(['drv_sum:27:2:lockleak#1', 'drv_stat:49:2:lockleak#1']);
    expect(rows.filter((r) => r.chosen)).toHaveLength(1);
    expect(rows[1].location).toMatch(/driver\.c:49:2$/);
  });

  test('a file gcc cannot preprocess is a user error', async () => {
    capture();
    await expect(faultsCommand.run(['sites', `${FIXTURES}/nosuch.c`])).rejects.toThrow(/preprocessing .* failed/);
  });
});
