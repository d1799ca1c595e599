// Campaigns against the fixture harness: classification of known faults,
// the resumable run, shards and merge, and the summary and chart.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { classify, parseReport, parseReportFile, withRecoveryStats } from '../../fault-inject/campaign/classify.js';
import { mergeCampaigns, runCampaign, type CampaignOptions } from '../../fault-inject/campaign/campaign.js';
import { decodeWaitStatus } from '../../fault-inject/campaign/fork-server.js';
import { buildPlan, operatorOf, parseShard, shardOf } from '../../fault-inject/campaign/plan.js';
import { TrialRunner, type Target } from '../../fault-inject/campaign/runner.js';
import { readResults } from '../../fault-inject/campaign/store.js';
import { conditionOf, type TrialClass } from '../../fault-inject/campaign/trial.js';
import { buildHarness, FIXTURES, transformDriver, workDir } from './helpers.js';

let target: Target;
const dir = workDir('campaign');

beforeAll(async () => {
  const t = transformDriver({ operator: 'all', schemata: true });
  const b = await buildHarness(dir, 'campaign-harness', t.output, [], join(FIXTURES, 'campaign-harness.c'));
  expect(b.ok, b.stderr).toBe(true);
  target = { exe: b.exe, args: ['--workload', '{workload}', '--policy', '{policy}'], env: {}, timeoutMs: 1500 };
}, 120_000);

describe('classify', () => {
  const rows: { name: string; o: Parameters<typeof classify>[0]; want: TrialClass }[] = [
    { name: 'timeout', o: { timedOut: true, exitCode: null, signal: null, activated: true }, want: 'hang' },
    { name: 'killed by a signal', o: { timedOut: false, exitCode: null, signal: 'SIGSEGV', activated: true }, want: 'crash' },
    { name: 'no report', o: { timedOut: false, exitCode: 3, signal: null, activated: true }, want: 'crash' },
    { name: 'never fired', o: { timedOut: false, exitCode: 0, signal: null, activated: false, report: { verified: true } }, want: 'not-activated' },
    { name: 'fired, nothing seen', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: true, detected: 0 } }, want: 'no-effect' },
    { name: 'detected, not recovered', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: false, detected: 1, recovered: 0 } }, want: 'crash' },
    { name: 'recovered, intact', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: true, detected: 1, recovered: 1, app_errors: 0 } }, want: 'recovered-transparent' },
    { name: 'recovered, app error', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: false, detected: 1, recovered: 1, app_errors: 1 } }, want: 'recovered-app-error' },
    { name: 'recovered, leaked', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: true, detected: 1, recovered: 1, leaks: 2 } }, want: 'leak-after-recovery' },
    { name: 'wrong result, undetected', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: false, detected: 0 } }, want: 'silent-corruption' },
    { name: 'leak, undetected', o: { timedOut: false, exitCode: 0, signal: null, activated: true, report: { verified: true, leaks: 1 } }, want: 'leak' },
  ];
  test.each(rows)('$name -> $want', ({ o, want }) => expect(classify(o)).toBe(want));

  test('wait statuses from the fork server decode as spawn() reports them', () => {
    expect(decodeWaitStatus(0)).toEqual({ exitCode: 0, signal: null });
    expect(decodeWaitStatus(3 << 8)).toEqual({ exitCode: 3, signal: null });
    expect(decodeWaitStatus(11)).toEqual({ exitCode: null, signal: 'SIGSEGV' });
    expect(decodeWaitStatus(6 | 0x80)).toEqual({ exitCode: null, signal: 'SIGABRT' }); // with core dump bit
  });
  test('the report is the last JSON line of stdout', () => {
    expect(parseReport('log line\n{"verified":false}\n{"verified":true,"detected":2}\nbye\n')).toEqual({ verified: true, detected: 2, app_errors: 0, errored: 0, unaccounted: 0 });
    expect(parseReport('{broken\nno report\n')).toBeUndefined();
  });
  test('e1000-style reports: pass, app_errors counters, load_error, timed_out', () => {
    const r = parseReportFile('{\n "pass": false,\n "app_errors": {"xmit_busy": 2, "config_errors": 1},\n "load_error": -12,\n "timed_out": true,\n "leaks": 0\n}\n');
    expect(r).toMatchObject({ verified: false, app_errors: 4, stalled: true });
    expect(classify({ timedOut: false, exitCode: 1, signal: null, activated: true, report: r })).toBe('hang');
    expect(parseReportFile('{"pass": tr')).toBeUndefined();
  });
  // A recovered fault, judged from the e1000 report's streams and krecover's statistics on stderr.
  const stream = (s: Partial<Record<'delivered' | 'lost' | 'corrupted' | 'duplicated' | 'errored' | 'resent', number>>): string =>
    JSON.stringify({ offered: 100, delivered: 100, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0, ...s });
  const e1000Rows: { name: string; json: string; want: TrialClass }[] = [
    { name: 'every frame delivered once, retries only', want: 'recovered-transparent',
      json: `{"pass": true, "timed_out": false, "leaks": 0, "tx": ${stream({ resent: 3 })}, "rx": ${stream({})}, "app_errors": {"xmit_busy": 0}}` },
    { name: 'frames reported to the application as errors', want: 'recovered-app-error',
      json: `{"pass": true, "timed_out": false, "leaks": 0, "tx": ${stream({ delivered: 97, errored: 3 })}, "rx": ${stream({})}, "app_errors": {"xmit_busy": 0}}` },
    { name: 'a busy transmit after the failure', want: 'recovered-app-error',
      json: `{"pass": true, "timed_out": false, "leaks": 0, "tx": ${stream({})}, "app_errors": {"xmit_busy": 1}}` },
    { name: 'frames silently lost across recovery', want: 'silent-corruption',
      json: `{"pass": false, "timed_out": false, "leaks": 0, "tx": ${stream({ delivered: 98, lost: 2 })}, "app_errors": {}}` },
    { name: 'resources still held after recovery', want: 'leak-after-recovery',
      json: `{"pass": false, "timed_out": false, "leaks": 4, "tx": ${stream({})}, "app_errors": {}}` },
    { name: 'traffic stalled after recovery', want: 'hang',
      json: `{"pass": false, "timed_out": true, "leaks": 0, "tx": ${stream({ delivered: 40 })}, "app_errors": {}}` },
    { name: 'driver disabled, frames refused', want: 'recovered-app-error',
      json: `{"pass": false, "timed_out": false, "leaks": 0, "tx": ${stream({ delivered: 0 })}, "app_errors": {"refused": 100}}` },
  ];
  test.each(e1000Rows)('e1000 report after recovery: $name is $want', ({ json, want }) => {
    const report = withRecoveryStats(parseReportFile(json), 'krecover: ...\nfailures: 1\nrecoveries: 1\n');
    expect(classify({ timedOut: false, exitCode: 0, signal: null, activated: true, report })).toBe(want);
  });
});

describe('plan', () => {
  const sites = ['f:1:1:nullptr#1', 'f:2:1:nullptr#1', 'g:3:4:lockleak#1', 'g:5:1:dropcall#2'];
  test('sites x workloads x policies x repeats, in a stable order', () => {
    const plan = buildPlan({ sites, workloads: ['a', 'b'], policies: ['off', 'restart'], repeats: 2 });
    expect(plan).toHaveLength(4 * 2 * 2 * 2);
    expect(plan[0].id).toBe('f:1:1:nullptr#1|a|off|0');
    expect(new Set(plan.map((t) => t.id)).size).toBe(plan.length);
    expect(operatorOf('g:5:1:dropcall#2')).toBe('dropcall');
  });
  test('persistence: recovering policies once per persistence, no recovery once', () => {
    const plan = buildPlan({ sites: sites.slice(0, 1), workloads: ['a'], policies: ['off=r 0', 'restart=r 1'], repeats: 1, persistences: ['transient', 'permanent'] });
    expect(plan.map((t) => [t.id, conditionOf(t), t.policyValue])).toEqual([
      ['f:1:1:nullptr#1|a|off|0', 'off', 'r 0'],
      ['f:1:1:nullptr#1|a|restart/transient|0', 'restart (transient)', 'r 1'],
      ['f:1:1:nullptr#1|a|restart/permanent|0', 'restart (permanent)', 'r 1'],
    ]);
    expect(buildPlan({ sites, workloads: ['a'], policies: ['restart'], repeats: 1 }).every((t) => t.persistence === 'transient')).toBe(true);
  });
  test('seeds pick sites per operator; operators filter', () => {
    const plan = buildPlan({ sites, operators: ['nullptr'], seeds: 1, workloads: ['a'], policies: ['off'], repeats: 1 });
    expect(plan).toHaveLength(1);
    expect(plan[0].operator).toBe('nullptr');
  });
  test('shards partition the plan', () => {
    const plan = buildPlan({ sites, workloads: ['a'], policies: ['off', 'unload', 'restart'], repeats: 1 });
    const parts = [1, 2, 3].map((i) => shardOf(plan, parseShard(`${i}/3`)));
    expect(parts.flat().map((t) => t.id).sort()).toEqual(plan.map((t) => t.id).sort());
    expect(() => parseShard('4/3')).toThrow(/shard/);
  });
});

describe('trials against the fixture harness', () => {
  const rows: { site: string; workload: string; policy: string; want: TrialClass }[] = [
    { site: 'drv_stat:48:14:nullptr#1', workload: 'stats', policy: 'off', want: 'crash' },
    { site: 'drv_stat:48:14:nullptr#1', workload: 'stats', policy: 'unload', want: 'recovered-app-error' },
    { site: 'drv_stat:48:14:nullptr#1', workload: 'stats', policy: 'restart', want: 'recovered-transparent' },
    { site: 'drv_stat:48:14:nullptr#1', workload: 'basic', policy: 'off', want: 'not-activated' },
    { site: 'drv_stat:48:2:dropassign#1', workload: 'stats', policy: 'restart', want: 'silent-corruption' },
    { site: 'drv_teardown:54:2:memleak#1', workload: 'basic', policy: 'off', want: 'leak' },
    { site: 'drv_teardown:54:2:doublefree#1', workload: 'basic', policy: 'off', want: 'crash' },
    { site: 'drv_teardown:54:2:doublefree#1', workload: 'basic', policy: 'restart', want: 'recovered-transparent' },
    { site: 'drv_wait:40:9:infloop#1', workload: 'basic', policy: 'restart', want: 'hang' },
    { site: 'drv_sum:20:12:uninit#1', workload: 'basic', policy: 'off', want: 'silent-corruption' },
  ];
  // Each row runs three ways: through the runtime's fork server, with one exec per trial, and with the
  // report in a --json file (the e1000 harness's way) instead of on stdout.
  test.each(rows)('$site under $workload/$policy is $want', async (row) => {
    const runners = [
      new TrialRunner(target),
      new TrialRunner(target, { forkServer: false }),
      new TrialRunner({ ...target, args: [...target.args, '--json', '{report}'] }),
    ];
    try {
      const spec = { id: 'x', index: 0, site: row.site, operator: operatorOf(row.site), workload: row.workload, policy: row.policy, repeat: 0 };
      for (const runner of runners) {
        const r = await runner.run(spec);
        expect(r.class, JSON.stringify(r)).toBe(row.want);
      }
    } finally {
      for (const runner of runners) runner.dispose();
    }
  });
});

describe('a campaign', () => {
  const options = (out: string, extra: Partial<CampaignOptions> = {}): CampaignOptions => ({
    target, outDir: out, workloads: ['basic', 'stats'], policies: ['off', 'unload', 'restart'],
    operators: ['nullptr', 'memleak', 'dropassign', 'infloop'], repeats: 1, jobs: 2, progress: false, ...extra,
  });

  test('runs, resumes, and writes JSONL, summary and chart', async () => {
    const out = join(dir, 'full');
    rmSync(out, { recursive: true, force: true });
    const partial = await runCampaign(options(out, { limit: 20 }));
    expect(partial.ran).toBe(20);
    const full = await runCampaign(options(out));
    expect(full.skipped).toBe(20);
    expect(full.ran).toBe(full.planned - 20);
    const results = readResults(join(out, 'trials.jsonl'));
    expect(results).toHaveLength(full.planned);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('## Outcomes by recovery policy');
    expect(summary).toMatch(/Without recovery \(off\) \d+ of \d+ faults took the system down; with unload \(transient\), \d+; with restart \(transient\), \d+\./);
    expect(readFileSync(join(out, 'chart.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    // Recovery must help on these faults: fewer system failures with restart than with none.
    const down = (p: string): number => results.filter((r) => r.policy === p && (r.class === 'crash' || r.class === 'hang')).length;
    expect(down('restart')).toBeLessThan(down('off'));
  }, 120_000);

  test('shards merged equal one unsharded run', async () => {
    const whole = join(dir, 'whole');
    const shardDirs = [1, 2].map((i) => join(dir, `shard-${i}`));
    for (const d of [whole, ...shardDirs]) rmSync(d, { recursive: true, force: true });
    const opts = { operators: ['memleak', 'dropassign'], policies: ['off', 'restart'] };
    await runCampaign(options(whole, opts));
    await Promise.all(shardDirs.map((d, i) => runCampaign(options(d, { ...opts, jobs: 1, shard: { index: i + 1, count: 2 } }))));
    const merged = mergeCampaigns(join(dir, 'merged'), shardDirs);
    const strip = (rs: typeof merged): string[] => rs.map((r) => `${r.id} ${r.class}`).sort();
    expect(strip(merged)).toEqual(strip(readResults(join(whole, 'trials.jsonl'))));
    expect(existsSync(join(dir, 'merged', 'summary.md'))).toBe(true);
  }, 120_000);
});
