// One build, many faults: every site of every operator compiled into one
// binary behaves, site for site, as that site's single-fault build.
import { beforeAll, expect, test } from 'vitest';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import { findSites, resolveOperators } from '../../fault-inject/sites.js';
import type { FaultSite } from '../../fault-inject/site.js';
import { buildHarness, fingerprint, pool, preprocessedDriver, run, transformDriver, workDir } from './helpers.js';

const dir = workDir('schemata');
let sites: FaultSite[] = [];
let schemataExe = '';
const single = new Map<string, string>();

beforeAll(async () => {
  const { path, text } = preprocessedDriver();
  sites = findSites(parseTranslationUnit(path, text), resolveOperators('all'));
  const t = transformDriver({ operator: 'all', schemata: true, seed: 3 });
  expect(t.diagnostics.errorCount).toBe(0);
  const b = await buildHarness(dir, 'schemata', t.output);
  expect(b.ok, b.stderr).toBe(true);
  expect(b.stderr).not.toMatch(/warning:/);
  schemataExe = b.exe;
  await pool(sites, 2, async (site) => {
    const s = transformDriver({ operator: site.operator, siteId: site.id, seed: 3 });
    const sb = await buildHarness(dir, `one_${site.id.replace(/[^A-Za-z0-9]+/g, '_')}`, s.output);
    expect(sb.ok, sb.stderr).toBe(true);
    single.set(site.id, fingerprint(run(sb.exe, {}, 1000)));
  });
}, 300_000);

test('every candidate site is compiled in', () => {
  const t = transformDriver({ operator: 'all', schemata: true, seed: 3 });
  const details = t.stats.details?.['fault-inject'] as { injected: { id: string }[]; skipped: string[] };
  expect(details.skipped).toEqual([]);
  expect(details.injected.map((r) => r.id).sort()).toEqual(sites.map((s) => s.id).sort());
  expect(t.stats.faultsInjected).toBe(sites.length);
});

test('with no fault selected the one-build binary behaves as the original', () => {
  const base = transformDriver(undefined);
  expect(base.output).not.toContain('fgft_fault_active');
  const o = run(schemataExe);
  expect(o.status).toBe(0);
  expect(o.stdout).toContain('sum=28');
  expect(run(schemataExe, { FGFT_FAULT: 'no-such-site' }).stdout).toBe(o.stdout);
});

test('site for site, the one-build binary behaves as the single-fault build', () => {
  const differences: string[] = [];
  for (const site of sites) {
    const got = fingerprint(run(schemataExe, { FGFT_FAULT: site.id }, 1000));
    if (got !== single.get(site.id)) differences.push(`${site.id}:\n  single: ${single.get(site.id)}\n  schemata: ${got}`);
  }
  expect(differences).toEqual([]);
});
