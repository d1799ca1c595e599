// Run-time triggers and fault persistence on the example driver: the e1000
// harness built in one-build mode with krecover (make FAULT=all SCHEMATA=1),
// driven through krecover's control interface (--krecover "..."), which passes
// the commands it does not know to the fault runtime.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { workDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);
const dir = workDir('e1000-recovery');
const exe = join(dir, 'e1000-harness');
let site = ''; // a NULL pointer in the transmit path: activated by the first frame sent

beforeAll(async () => {
  await execFileAsync('make', ['-s', '-C', join(ROOT, 'examples/e1000'), 'FAULT=all', 'SCHEMATA=1', `BUILD=${dir}/build`, `BIN=${exe}`, exe],
    { maxBuffer: 1 << 26 });
  const list = join(dir, 'sites');
  rmSync(list, { force: true });
  await execFileAsync(exe, ['--workload', 'send', '--frames', '10', '--quiet'], { env: { ...process.env, FGFT_FAULT_LIST: list } });
  site = readFileSync(list, 'latin1').split('\n').find((s) => /^e1000_xmit_frame:\d+:\d+:nullptr#1$/.test(s)) ?? '';
  expect(site).not.toBe('');
}, 240_000);

interface Outcome {
  status: number;
  stderr: string;
  activated: boolean;
  stats: Record<string, number>;
  report?: { pass: boolean; tx: { delivered: number; errored: number }; leaks: number };
}

async function harness(name: string, krecover: string, env: Record<string, string> = {}): Promise<Outcome> {
  const json = join(dir, `${name}.json`);
  const activation = join(dir, `${name}.activation`);
  for (const f of [json, activation]) rmSync(f, { force: true });
  const args = ['--workload', 'send', '--frames', '200', '--quiet', '--json', json, '--krecover', krecover];
  const fullEnv = { ...process.env, KRECOVER_STATS: '1', FGFT_FAULT_REPORT: activation, ...env };
  let status = 0;
  let stderr = '';
  try {
    ({ stderr } = await execFileAsync(exe, args, { env: fullEnv, timeout: 20_000 }));
  } catch (e) {
    const err = e as { code?: number; stderr?: string };
    status = err.code ?? -1;
    stderr = err.stderr ?? '';
  }
  const stats: Record<string, number> = {};
  for (const m of stderr.matchAll(/^([a-z.-]+): (\d+)$/gm)) stats[m[1]] = Number(m[2]);
  const report = existsSync(json) ? (JSON.parse(readFileSync(json, 'latin1')) as Outcome['report']) : undefined;
  // The runtime creates the file at start; it records the fault when it first fires.
  const activated = existsSync(activation) && readFileSync(activation, 'latin1').includes('"activated":true');
  return { status, stderr, activated, stats, report };
}

interface Row {
  name: string;
  commands: () => string; // krecover control commands (the site is known only after the build)
  selectByEnv: boolean; // FGFT_FAULT=site, or no site selected at start
  activated: boolean;
  recoveries: number;
  cause?: string; // the krecover failure cause counted, e.g. failures.quota
  pass: boolean;
}

const rows: Row[] = [
  // krecover's own SafeDrive triggers, with the fault runtime linked in.
  { name: 'krecover q N: fail at the N-th executed bounds check', commands: () => 'r 1; p restart; q 300', selectByEnv: false,
    activated: false, recoveries: 1, cause: 'failures.quota', pass: true },
  { name: 'krecover f FUNC OFF: fail on the 11th transmit', commands: () => 'r 1; p restart; f e1000_xmit_frame 10', selectByEnv: false,
    activated: false, recoveries: 1, cause: 'failures.probe', pass: true },
  // The fault runtime's triggers through the same interface.
  { name: 'fault armed after N events (n N)', commands: () => 'r 1; p restart; m transient; n 300', selectByEnv: true,
    activated: true, recoveries: 1, pass: true },
  { name: 'fault never armed: N not reached', commands: () => 'r 1; p restart; n 100000000', selectByEnv: true,
    activated: false, recoveries: 0, pass: true },
  { name: 'fault armed on entering a function (e FUNC)', commands: () => 'r 1; p restart; m transient; e e1000_open', selectByEnv: true,
    activated: true, recoveries: 1, pass: true },
  { name: 'fault not armed: the function is never entered', commands: () => 'r 1; p restart; e e1000_resume', selectByEnv: true,
    activated: false, recoveries: 0, pass: true },
  { name: 'on demand: selected and armed from the control interface', commands: () => `r 1; p restart; m transient; s ${site}; a`,
    selectByEnv: false, activated: true, recoveries: 1, pass: true },
  { name: 'on demand: selected, then disarmed', commands: () => `r 1; p restart; s ${site}; d`, selectByEnv: false,
    activated: false, recoveries: 0, pass: true },
  // Persistence: a transient fault is gone with the restarted (reloaded) driver; a permanent one fails it
  // again until krecover's restart limit (3 per minute here) disables it and the frames are refused.
  { name: 'transient fault under restart: recovered, every frame delivered', commands: () => 'r 1; p restart; m transient',
    selectByEnv: true, activated: true, recoveries: 1, pass: true },
  { name: 'permanent fault under restart: fails again until disabled', commands: () => 'r 1; p restart; l 3 60000; m permanent',
    selectByEnv: true, activated: true, recoveries: 4, pass: false },
];

test.each(rows)('$name', async (row) => {
  const name = row.name.replace(/[^a-z0-9]+/gi, '-');
  const o = await harness(name, row.commands(), row.selectByEnv ? { FGFT_FAULT: site } : {});
  expect(o.activated, o.stderr).toBe(row.activated);
  expect(o.stats.recoveries, o.stderr).toBe(row.recoveries);
  if (row.cause) expect(o.stats[row.cause], o.stderr).toBe(1);
  expect(o.report?.pass, o.stderr).toBe(row.pass);
  expect(o.status).toBe(row.pass ? 0 : 1);
  expect(o.report?.leaks).toBe(0);
  if (row.pass) expect((o.report?.tx.delivered ?? 0) + (o.report?.tx.errored ?? 0)).toBe(200);
}, 30_000);

test('a command neither runtime knows is a usage error', async () => {
  const o = await harness('unknown', 'r 1; zz 1');
  expect(o.status).toBe(2);
  expect(o.stderr).toMatch(/--krecover 'r 1; zz 1': unknown command/);
});

// A fault while the example driver holds a lock: krecover must release the held
// spinlock (resource type spinlock-held) as part of the compensation, and with a
// transient fault the restarted driver carries the traffic to the end.
test('fault inside the stats spinlock: the lock is released, the driver restarts, every frame accounted for', async () => {
  const source = readFileSync(join(ROOT, 'examples/e1000/e1000_main.c'), 'latin1').split('\n');
  const fnStart = source.findIndex((l) => /^void e1000_update_stats\(/.test(l));
  const lockLine = source.findIndex((l, k) => k > fnStart && l.includes('spin_lock_irqsave(&adapter->stats_lock')) + 1;
  expect(lockLine).toBeGreaterThan(0);
  const list = join(dir, 'sites');
  const inLock = readFileSync(list, 'latin1')
    .split('\n')
    .find((s) => {
      const m = /^e1000_update_stats:(\d+):\d+:nullptr#1$/.exec(s);
      return m !== null && Number(m[1]) > lockLine;
    });
  expect(inLock).toBeDefined();
  const json = join(dir, 'stats-lock.json');
  rmSync(json, { force: true });
  const { stderr } = await execFileAsync(exe, ['--workload', 'config', '--frames', '3000', '--seed', '1', '--quiet', '--json', json,
    '--krecover', 'r 1; p restart; m transient'], { env: { ...process.env, KRECOVER_STATS: '1', FGFT_FAULT: inLock! }, timeout: 30_000 });
  const stats: Record<string, number> = {};
  for (const m of stderr.matchAll(/^([a-z.-]+): (\d+)$/gm)) stats[m[1]] = Number(m[2]);
  expect(stats.recoveries, stderr).toBe(1);
  expect(stats['released.spinlock-held'], stderr).toBeGreaterThanOrEqual(1);
  const report = JSON.parse(readFileSync(json, 'latin1')) as { pass: boolean; leaks: number; tx: { offered: number; delivered: number; errored: number; lost: number }; rx: { offered: number; delivered: number; errored: number; lost: number } };
  expect(report.pass, stderr).toBe(true);
  expect(report.leaks).toBe(0);
  for (const s of [report.tx, report.rx]) {
    expect(s.delivered + s.errored).toBe(s.offered);
    expect(s.lost).toBe(0);
  }
}, 60_000);
