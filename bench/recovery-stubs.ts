// Benchmark for krecover (issue 5): what entry stubs cost on the hot path,
// and what recovery costs, per policy.
//
//  - hot path, micro: one program holds the same small transmit function
//    three times (plain gcc; fgftc stubs; stubs + probes), timed interleaved
//    in one run. A ~25 ns function: the worst case for the ratio.
//  - hot path, e1000: the example driver in the harness (send workload),
//    built plainly and through fgftc with stubs. This is the ratio the goal
//    (<= 1.03x) is about. Wall time per frame (best of alternate runs) is
//    noisy on a shared machine, so the per-frame instruction count under
//    valgrind (difference of two workload sizes, which cancels start-up) is
//    reported too, when valgrind is installed.
//  - hot path, shim: the test driver's ndo_start_xmit through the kernel
//    shim (skb allocation, MMIO doorbell), plain and stubbed (best of runs).
//  - recovery per policy, e1000 seed scenario (msglevel 1000 during
//    traffic): wall time of the recovery work (release; release + restart)
//    and, for restart, the outage in simulated time: how much longer the
//    same workload takes than without the failure (device reset and link
//    negotiation included).
//  - recovery per policy, runtime only: nothing to release.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildE1000Harness, buildShimDriver, fgftcUnit, krecoverCoreSources, link, repoRoot, stubPasses } from './recovery-build.js';

const FRAMES = 200_000;
const ROUNDS = 7;
const RECOVERIES = 200;
const RUNS = 5;
const SHIM_FRAMES = 50_000;
const E1000_FRAMES = '20000';

const root = repoRoot();

/** The micro benchmark: the hot path three times in one program. */
function buildMicro(work: string): string {
  const hot = join(root, 'bench/recovery-hotpath.c');
  const variant = (ops: string, probes: boolean): string => {
    const dir = join(work, ops);
    execFileSync('mkdir', ['-p', dir]);
    return fgftcUnit(hot, dir, [`-DHOT_OPS=${ops}`], { stubs: { enabled: true, probes } }, stubPasses);
  };
  const args = [
    '-std=gnu11', '-O2', '-Wall', '-Wextra', '-Werror', `-I${root}/runtime-c/include`,
    '-x', 'c', '-DHOT_OPS=hot_ops_plain', hot,
    '-x', 'cpp-output', variant('hot_ops_stubbed', false), variant('hot_ops_probed', true),
    '-x', 'c', join(root, 'bench/recovery-bench-main.c'), ...krecoverCoreSources,
  ];
  return link(args, join(work, 'recovery-bench'), work);
}

interface Run {
  values: Map<string, number>;
  stdout: string;
  stderr: string;
}

function run(exe: string, args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(exe, args, { encoding: 'latin1', timeout: 120_000, env: { ...process.env, ...env } });
  if (r.signal) throw new Error(`${exe} ${args.join(' ')} died of ${r.signal}:\n${r.stderr}`);
  const values = new Map<string, number>();
  for (const m of `${r.stdout}\n${r.stderr}`.matchAll(/^([\w.-]+)(?:=|: )([-\d.]+)$/gm)) values.set(m[1], Number(m[2]));
  return { values, stdout: r.stdout, stderr: r.stderr };
}

function need(r: Run, key: string): number {
  const v = r.values.get(key);
  if (v === undefined) throw new Error(`benchmark output lacks ${key}:\n${r.stdout}\n${r.stderr}`);
  return v;
}

/** From the harness report: wall time per frame and simulated traffic time. */
function harnessTimes(r: Run): { usPerFrame: number; trafficS: number } {
  const m = /over ([\d.]+) s simulated; (?:harness )?([\d.]+) us\/frame wall/.exec(r.stdout);
  if (!m) throw new Error(`no harness timing in:\n${r.stdout}`);
  return { trafficS: Number(m[1]), usPerFrame: Number(m[2]) };
}

/** Instructions per frame under callgrind: (I(large) - I(small)) / frames; undefined without valgrind. */
function instructionsPerFrame(harness: string): number | undefined {
  const count = (frames: number): number | undefined => {
    const r = spawnSync(
      'valgrind',
      ['--tool=callgrind', '--callgrind-out-file=/dev/null', harness, '--workload', 'send', '--frames', String(frames), '--seed', '1', '--quiet'],
      { encoding: 'latin1', timeout: 300_000 },
    );
    const m = /Collected : (\d+)/.exec(r.stderr ?? '');
    return r.error || !m ? undefined : Number(m[1]);
  };
  const small = count(2000);
  const large = count(6000);
  return small === undefined || large === undefined ? undefined : (large - small) / 4000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function microBench(work: string, result: Record<string, number>): void {
  const exe = buildMicro(work);
  const hot = run(exe, ['hotpath', String(FRAMES), String(ROUNDS)]);
  const plain = need(hot, 'plain_ns');
  result['recovery.micro.plain_ns_per_call'] = plain;
  result['recovery.micro.stubbed_ns_per_call'] = need(hot, 'stubbed_ns');
  result['recovery.micro.stubbed_ratio'] = need(hot, 'stubbed_ns') / plain;
  result['recovery.micro.stubbed_probes_ratio'] = need(hot, 'probed_ns') / plain;
  for (const policy of ['unload', 'restart']) {
    const rec = run(exe, ['recovery', policy, String(RECOVERIES)]);
    result[`recovery.${policy}.runtime_only_wall_us`] = need(rec, 'mean_ns') / 1000;
  }
}

function shimBench(work: string, result: Record<string, number>): void {
  const plain = buildShimDriver(work, { stubs: false });
  const stubbed = buildShimDriver(work, { stubs: true });
  const p: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    p.push(need(run(plain, ['hotpath', String(SHIM_FRAMES), '3']), 'xmit_ns'));
    s.push(need(run(stubbed, ['hotpath', String(SHIM_FRAMES), '3']), 'xmit_ns'));
  }
  result['recovery.shim.plain_ns_per_frame'] = Math.min(...p);
  result['recovery.shim.stubbed_ns_per_frame'] = Math.min(...s);
  result['recovery.shim.stubbed_ratio'] = Math.min(...s) / Math.min(...p);
}

function e1000Bench(work: string, result: Record<string, number>): void {
  const plain = buildE1000Harness(work, { stubs: false });
  const stubbed = buildE1000Harness(work, { stubs: true });
  const traffic = ['--workload', 'send', '--frames', E1000_FRAMES, '--seed', '1', '--quiet'];
  const p: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    p.push(harnessTimes(run(plain, traffic)).usPerFrame);
    s.push(harnessTimes(run(stubbed, traffic)).usPerFrame);
  }
  result['recovery.e1000.plain_us_per_frame'] = Math.min(...p);
  result['recovery.e1000.stubbed_us_per_frame'] = Math.min(...s);
  result['recovery.e1000.stubbed_ratio'] = Math.min(...s) / Math.min(...p);
  const plainInstr = instructionsPerFrame(plain);
  const stubbedInstr = instructionsPerFrame(stubbed);
  if (plainInstr !== undefined && stubbedInstr !== undefined) {
    result['recovery.e1000.plain_instructions_per_frame'] = plainInstr;
    result['recovery.e1000.stubbed_instructions_per_frame'] = stubbedInstr;
    result['recovery.e1000.stubbed_instructions_ratio'] = stubbedInstr / plainInstr;
  }

  const clean = harnessTimes(run(stubbed, traffic)).trafficS;
  const seed = [...traffic, '--msglevel-at', '5000:1000'];
  for (const policy of ['unload', 'restart']) {
    const runs = Array.from({ length: RUNS }, () => run(stubbed, seed, { KRECOVER: `r 1; p ${policy}`, KRECOVER_STATS: '1' }));
    for (const r of runs) if (need(r, 'recoveries') !== 1) throw new Error(`expected one recovery:\n${r.stderr}`);
    result[`recovery.${policy}.e1000_release_wall_us`] = median(runs.map((r) => need(r, 'release-time-last-ns'))) / 1000;
    result[`recovery.${policy}.e1000_recovery_wall_us`] = median(runs.map((r) => need(r, 'recovery-time-last-ns'))) / 1000;
    result[`recovery.${policy}.e1000_resources_released`] = need(runs[0], 'resources-released');
    if (policy === 'restart') {
      const outage = median(runs.map((r) => harnessTimes(r).trafficS)) - clean;
      result['recovery.restart.e1000_outage_sim_ms'] = outage * 1000;
    }
  }
}

export async function benchRecovery(): Promise<Record<string, number>> {
  const work = mkdtempSync(join(tmpdir(), 'fgftc-bench-recovery-'));
  const result: Record<string, number> = {};
  try {
    microBench(work, result);
    shimBench(work, result);
    e1000Bench(work, result);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// `node dist/bench/recovery-stubs.js` runs it alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchRecovery().then(
    (r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'),
    (e: unknown) => {
      process.stderr.write(`fgftc: error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
