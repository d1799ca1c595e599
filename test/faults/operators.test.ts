// One table row per fault operator: its sites in the fixture driver, the
// seeded choice, every mutant compiles, and the fault does what it says.
import { beforeAll, describe, expect, test } from 'vitest';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import { chooseBySeed } from '../../fault-inject/choose.js';
import { operators } from '../../fault-inject/operators/index.js';
import { mutatedText } from '../../fault-inject/render.js';
import { findSites, resolveOperators } from '../../fault-inject/sites.js';
import type { FaultSite } from '../../fault-inject/site.js';
import { buildHarness, pool, preprocessedDriver, run, transformDriver, workDir, type RunOutcome } from './helpers.js';

interface Row {
  operator: string;
  /** Sites the fixture must offer (a subset of what the operator finds). */
  sites: string[];
  /** The site whose behaviour is checked. */
  target: string;
  expect: (o: RunOutcome) => boolean;
  described: string;
}

const crashed = (o: RunOutcome): boolean => o.signal === 'SIGSEGV' || o.signal === 'SIGBUS' || o.signal === 'SIGABRT';

const rows: Row[] = [
  { operator: 'scanoverrun', sites: ['drv_setup:12:18:scanoverrun#1', 'drv_copy:33:26:scanoverrun#1'], target: 'drv_setup:12:18:scanoverrun#1',
    expect: (o) => o.stdout.includes('redzone overwritten') || crashed(o), described: 'the fill loop writes past the buffer' },
  { operator: 'offbyone', sites: ['drv_setup:12:14:offbyone#1', 'drv_copy:33:26:offbyone#1'], target: 'drv_setup:12:14:offbyone#1',
    expect: (o) => o.stdout.includes('kernel: redzone overwritten'), described: 'i <= size writes one element too many' },
  { operator: 'nullptr', sites: ['drv_stat:48:14:nullptr#1', 'drv_sum:26:10:nullptr#1'], target: 'drv_stat:48:14:nullptr#1',
    expect: (o) => o.signal === 'SIGSEGV', described: 'ad is NULL when read' },
  { operator: 'badptr', sites: ['drv_stat:48:14:badptr#1'], target: 'drv_sum:26:10:badptr#1',
    expect: (o) => crashed(o) || !o.stdout.includes('sum=28'), described: 'the ring pointer is corrupted' },
  { operator: 'uninit', sites: ['drv_sum:20:12:uninit#1', 'drv_wait:38:14:uninit#1'], target: 'drv_sum:20:12:uninit#1',
    expect: (o) => o.stdout.includes(`sum=${0x5a5a5a5a + 28}`), described: 'sum starts as slab poison' },
  { operator: 'invertcond', sites: ['drv_setup:9:6:invertcond#1', 'drv_wait:40:9:invertcond#1'], target: 'drv_setup:9:6:invertcond#1',
    expect: (o) => o.stdout.includes('setup=-12') && o.status === 1, described: 'a good allocation is taken as failed' },
  { operator: 'dropcheck', sites: ['drv_setup:9:6:dropcheck#1'], target: 'drv_setup:9:6:dropcheck#1',
    expect: (o) => o.stdout.includes('probe=0'), described: 'a failed allocation is not noticed' },
  { operator: 'srccorrupt', sites: ['drv_stat:48:14:srccorrupt#1'], target: 'drv_stat:48:14:srccorrupt#1',
    expect: (o) => /stats=(\d+)/.exec(o.stdout)?.[1] !== '2', described: 'the counter stores a flipped value' },
  { operator: 'dstcorrupt', sites: ['drv_setup:13:14:dstcorrupt#1', 'drv_stat:48:2:dstcorrupt#1'], target: 'drv_setup:13:14:dstcorrupt#1',
    expect: (o) => crashed(o) || !o.stdout.includes('sum=28') || o.stdout.includes('redzone'), described: 'ring stores land in the wrong slot' },
  { operator: 'allocfail', sites: ['drv_setup:8:15:allocfail#1'], target: 'drv_setup:8:15:allocfail#1',
    expect: (o) => o.stdout.includes('setup=-12'), described: 'kmalloc returns NULL' },
  { operator: 'lockleak', sites: ['drv_stat:49:2:lockleak#1', 'drv_sum:27:2:lockleak#1'], target: 'drv_stat:49:2:lockleak#1',
    expect: (o) => o.stdout.includes('locks=2 '), described: 'the stats lock stays held' },
  { operator: 'irqleak', sites: ['drv_sum:27:2:irqleak#1'], target: 'drv_sum:27:2:irqleak#1',
    expect: (o) => o.stdout.includes('irqs=1'), described: 'interrupts stay disabled' },
  { operator: 'doublefree', sites: ['drv_teardown:54:2:doublefree#1'], target: 'drv_teardown:54:2:doublefree#1',
    expect: (o) => o.stdout.includes('kernel: double free') && o.status === 3, described: 'the ring is freed twice' },
  { operator: 'memleak', sites: ['drv_teardown:54:2:memleak#1'], target: 'drv_teardown:54:2:memleak#1',
    expect: (o) => o.stdout.includes('leaks=1'), described: 'the ring is never freed' },
  { operator: 'infloop', sites: ['drv_wait:40:9:infloop#1', 'drv_setup:12:14:infloop#1'], target: 'drv_wait:40:9:infloop#1',
    expect: (o) => o.timedOut, described: 'the wait loop never ends' },
  { operator: 'badparam', sites: ['drv_copy:33:26:badparam#1', 'drv_teardown:54:8:badparam#1'], target: 'drv_copy:33:26:badparam#1',
    expect: (o) => crashed(o) || !o.stdout.includes('copy=0,7 guard=-1'), described: 'memcpy gets a corrupted length' },
  { operator: 'dropassign', sites: ['drv_setup:11:2:dropassign#1'], target: 'drv_setup:11:2:dropassign#1',
    expect: (o) => o.stdout.includes('sum=0'), described: 'the ring size is never stored' },
  { operator: 'dropcall', sites: ['drv_stat:47:2:dropcall#1', 'drv_copy:33:2:dropcall#1'], target: 'drv_stat:47:2:dropcall#1',
    expect: (o) => o.stdout.includes('locks=-2 '), described: 'the lock is released without being taken' },
];

const BASELINE = 'probe=-12\nsetup=0\nsum=28\ncopy=0,7 guard=-1\nwait=3\nstats=2\nlocks=0 irqs=0 leaks=0\n';
const dir = workDir('ops');
let allSites: FaultSite[] = [];
const builds = new Map<string, { ok: boolean; stderr: string; exe: string }>();

beforeAll(async () => {
  const { path, text } = preprocessedDriver();
  allSites = findSites(parseTranslationUnit(path, text), resolveOperators('all'));
  // Every site of every operator, single-fault builds, two compilers at a time.
  await pool(allSites, 2, async (site) => {
    const t = transformDriver({ operator: site.operator, siteId: site.id });
    const tag = site.id.replace(/[^A-Za-z0-9]+/g, '_');
    builds.set(site.id, await buildHarness(dir, tag, t.output));
  });
}, 300_000);

test('the table covers every operator', () => {
  expect(rows.map((r) => r.operator).sort()).toEqual(operators.map((o) => o.name).sort());
});

test('the unmodified fixture prints the baseline', async () => {
  const b = await buildHarness(dir, 'baseline', transformDriver(undefined).output);
  expect(b.ok, b.stderr).toBe(true);
  expect(run(b.exe).stdout).toBe(BASELINE);
});

describe.each(rows)('$operator', (row) => {
  const sitesOf = (): FaultSite[] => allSites.filter((s) => s.operator === row.operator);

  test('finds its sites in the driver', () => {
    const ids = sitesOf().map((s) => s.id);
    for (const id of row.sites) expect(ids).toContain(id);
    for (const id of ids) expect(id).toMatch(new RegExp(`^drv_\\w+:\\d+:\\d+:${row.operator}#\\d+$`));
  });

  test('chooses a site deterministically from the seed', () => {
    const sites = sitesOf();
    const picks = Array.from({ length: 64 }, (_, seed) => chooseBySeed(sites, seed)?.id);
    const again = Array.from({ length: 64 }, (_, seed) => chooseBySeed(sites, seed)?.id);
    expect(again).toEqual(picks);
    expect(new Set(picks).size).toBe(Math.min(sites.length, new Set(picks).size));
    if (sites.length > 1) expect(new Set(picks).size).toBeGreaterThan(1);
    // The pass injects exactly the chosen site, with the same text for the same seed.
    const t1 = transformDriver({ operator: row.operator, seed: 7 });
    const t2 = transformDriver({ operator: row.operator, seed: 7 });
    expect(t1.output).toBe(t2.output);
    expect(t1.stats.faultsInjected).toBe(1);
    const chosen = chooseBySeed(sites, 7) as FaultSite;
    const { text } = preprocessedDriver();
    expect(t1.output).toContain(mutatedText(text, chosen, 7));
  });

  test('every mutant compiles with gcc -Wall -Wextra', () => {
    for (const site of sitesOf()) {
      const b = builds.get(site.id);
      expect(b?.ok, `${site.id}\n${b?.stderr}`).toBe(true);
      // Drivers build with -Werror: a mutant must not add warnings either.
      expect(b?.stderr, site.id).not.toMatch(/warning:/);
    }
  });

  test(`activating it changes behaviour: ${row.described}`, () => {
    const b = builds.get(row.target);
    expect(b?.ok).toBe(true);
    const out = run(b?.exe ?? '', {}, 1000);
    expect(row.expect(out), JSON.stringify(out)).toBe(true);
  });
});
