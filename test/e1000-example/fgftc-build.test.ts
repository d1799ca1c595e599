// The example e1000 driver built through fgftc by its own Makefile (examples/e1000): the objects really carry
// inserted checks, every workload runs with every frame accounted for, FAULT/SEED reach fgftc, and with
// KRECOVER=1 `ethtool msglvl 1000` fails the driver on purpose and krecover restarts it without losing frames.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, buildRuntime, exampleExists, makeExample, removeDir, runHarness, tempDir } from '../harness/build.js';

const FRAMES = 2000;
const fgftcBuilt = existsSync(path.join(ROOT, 'dist', 'compiler', 'cli.js'));

function expectClean(bin: string, args: string[], tx: number, rx: number, env: Record<string, string> = {}): string {
  const run = runHarness(bin, [...args, '--frames', String(FRAMES)], env);
  const r = run.report!;
  expect(run.stderr).not.toMatch(/violation|leak:|check failed/);
  expect(r.tx).toEqual({ offered: tx, delivered: tx, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
  expect(r.rx).toEqual({ offered: rx, delivered: rx, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
  expect(r.changes.every((c) => c.applied && c.result === 0)).toBe(true);
  expect(r.pass).toBe(true);
  expect(run.status).toBe(0);
  return run.stderr;
}

describe.skipIf(!exampleExists() || !fgftcBuilt)('example e1000 driver built with fgftc (make)', () => {
  let dir = '';
  let bin = '';
  let statsFile = '';
  beforeAll(() => {
    dir = tempDir('e1000-fgftc');
    statsFile = path.join(dir, 'stats.jsonl');
    bin = makeExample(dir, [`FGFTC_FLAGS=--fgftc-bounds --stats=${statsFile}`]).bin;
  });
  afterAll(() => removeDir(dir));

  it('compiles both units through fgftc with run-time checks inserted', () => {
    const units = readFileSync(statsFile, 'latin1')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; parseErrors: number; checksInserted: number; checksRemoved: number });
    const byFile = new Map(units.map((u) => [path.basename(u.file), u]));
    for (const f of ['e1000_main.c', 'e1000_ethtool.c']) {
      const u = byFile.get(f);
      expect(u, f).toBeDefined();
      expect(u!.parseErrors).toBe(0);
      expect(u!.checksInserted - u!.checksRemoved).toBeGreaterThan(0);
    }
  });

  // The four workloads with their defaults are in test/harness/example-fgftc.test.ts; these are the edges.
  const cases: { name: string; args: string[]; tx: number; rx: number }[] = [
    {
      name: 'jumbo MTU, smallest and largest rings, message level',
      args: ['--workload', 'config', '--mtu-at', '300:9000', '--ring-size-at', '700:48', '--msglevel-at', '1000:1000',
        '--ring-size-at', '1300:4096', '--mtu-at', '1700:1500'],
      tx: FRAMES,
      rx: FRAMES,
    },
    {
      // Above 1500 but still in 2048-byte buffers: only RCTL.LPE lets these frames in.
      name: 'MTU 1800 (long packets in standard buffers)',
      args: ['--workload', 'config', '--mtu-at', '200:1800', '--mtu-at', '1200:16110'],
      tx: FRAMES,
      rx: FRAMES,
    },
  ];

  it.each(cases)('$name: zero lost, corrupted, duplicated', ({ args, tx, rx }) => {
    expectClean(bin, args, tx, rx);
  });
});

describe.skipIf(!exampleExists() || !fgftcBuilt)('example e1000 driver: control paths (make check)', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('e1000-check');
  });
  afterAll(() => removeDir(dir));

  // tests/ops_check.c: RX filters, MII ioctl, stats64, get_regs, ring/MTU limits, suspend/resume, reopen, unload.
  it.each([
    { build: 'plain', vars: ['CC=gcc'] },
    { build: 'fgftc', vars: [] },
  ])('$build build: every check passes', ({ build, vars }) => {
    buildRuntime();
    const r = spawnSync('make', ['-C', EXAMPLE, `BUILD=${path.join(dir, build)}`, ...vars, 'check'], { encoding: 'utf8' });
    const lines = r.stdout.split('\n').filter((l) => /^(ok|FAIL) - /.test(l));
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(42);
    expect(r.stdout).toMatch(/^0 failed$/m);
    expect(r.stderr).not.toMatch(/check failed|violation/);
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!exampleExists() || !fgftcBuilt)('example e1000 driver: make options', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('e1000-opts');
  });
  afterAll(() => removeDir(dir));

  it('KRECOVER=1: message level 1000 triggers a fault, krecover restarts the driver, no frame is lost', () => {
    const { bin } = makeExample(path.join(dir, 'kr'), ['KRECOVER=1']);
    const stderr = expectClean(bin, ['--workload', 'send', '--msglevel-at', '1000:1000'], FRAMES, 0, {
      KRECOVER: 'r 1; p restart',
      KRECOVER_STATS: '1',
    });
    expect(stderr).toMatch(/^failures\.trigger: 1$/m);
    expect(stderr).toMatch(/^restarts: 1$/m);
  });

  it('FAULT=<type> SEED=<n> reaches fgftc as --fgftc-fault/--fgftc-fault-seed', () => {
    const { output } = makeExample(path.join(dir, 'fault'), [
      'FAULT=offbyone', 'SEED=3', 'FGFTC_FLAGS=--fgftc-bounds --fgftc-fault-verbose',
    ]);
    expect(output).toMatch(/--fgftc-fault=offbyone/);
    expect(output).toMatch(/--fgftc-fault-seed=3/);
    expect(output).toMatch(/injected fault offbyone/);
  });

  it('FAULT + FAULT_SITE: one fault at that site, recovered by krecover during traffic, nothing leaked', () => {
    // the off-by-one in the TX ring cleanup loop (i <= count): it runs when a ring resize takes the rings down
    const sites = spawnSync(path.join(ROOT, 'bin/fgftc'), ['faults', 'sites', '-std=gnu11', `-I${path.join(ROOT, 'runtime-c/include')}`,
      `-I${path.join(ROOT, 'annotations')}`, '-DCONFIG_KRECOVER', path.join(EXAMPLE, 'e1000_main.c'), '--fault', 'offbyone'], { encoding: 'utf8' });
    const site = /^\s*(e1000_clean_tx_ring:\d+:\d+:offbyone#1)\s/m.exec(sites.stdout)?.[1];
    expect(site, sites.stdout + sites.stderr).toBeDefined();
    const { bin, output } = makeExample(path.join(dir, 'site'), ['KRECOVER=1', 'FAULT=offbyone', `FAULT_SITE=${site}`]);
    expect(output.match(/injected fault/g)).toHaveLength(1);
    expect(output).toContain(`injected fault offbyone (site ${site})`);
    const run = runHarness(bin, ['--workload', 'config', '--frames', String(FRAMES), '--ring-size-at', `${FRAMES}:512`,
      '--krecover', 'r 1; p restart'], { KRECOVER_STATS: '1' });
    const r = run.report!;
    expect(run.signal).toBeNull();
    expect(run.stderr).toMatch(/krecover: driver failed in e1000_set_ringparam/);
    expect(run.stderr).toMatch(/^restarts: [12]$/m);
    expect(r.leaks).toBe(0);
    for (const st of [r.tx, r.rx]) {
      expect(st.delivered + st.errored).toBe(FRAMES);
      expect(st.lost + st.corrupted + st.duplicated).toBe(0);
    }
  });

  it('make demo: the story runs, every run passes, recovery is shown for each fault', () => {
    const r = spawnSync('make', ['-s', '-C', EXAMPLE, `BUILD=${path.join(dir, 'demo')}`, 'demo'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/^ {2}verdict +PASS$/gm)).toHaveLength(5);
    expect(r.stdout).not.toMatch(/FAIL/);
    for (const cause of ['trigger', 'check', 'sigsegv']) {
      expect(r.stdout).toMatch(new RegExp(`krecover stats  failures 1 \\(${cause} 1\\), recoveries 1, restarts 1`));
    }
    // the real injected off-by-one is caught by a bounds check, not by a synthetic trigger
    expect(r.stdout).toMatch(/injected fault offbyone \(site e1000_clean_tx_ring:\d+:\d+:offbyone#1\): 'i < tx_ring->count' -> 'i <= tx_ring->count'/);
    expect(r.stdout).toMatch(/krecover: driver failed in e1000_set_ringparam: check: e1000_main\.c:\d+: upper check failed/);
    // every stream row: offered = delivered + errored, nothing lost, corrupted or duplicated
    const rows = [...r.stdout.matchAll(/^ {2}(?:send|receive) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +\d+$/gm)];
    expect(rows).toHaveLength(10);
    for (const [, offered, delivered, lost, corrupted, duplicated, errored] of rows) {
      expect(Number(delivered) + Number(errored)).toBe(Number(offered));
      expect([lost, corrupted, duplicated]).toEqual(['0', '0', '0']);
    }
    expect(r.stdout).toMatch(/^demo: every run PASSED/m);
  });

  it('FAULT with a plain compiler is refused with a make error', () => {
    const r = spawnSync('make', ['-C', EXAMPLE, 'CC=gcc', 'FAULT=offbyone', `BUILD=${path.join(dir, 'x')}`], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/FAULT=offbyone needs the fgftc compiler/);
  });
});
