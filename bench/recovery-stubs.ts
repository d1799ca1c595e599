// Benchmark for krecover (issue 5): what entry stubs cost on the hot path,
// and how long recovery takes.
//
//  - hot path: one program holds the same transmit function three times
//    (plain gcc; through fgftc with stubs; with stubs and probes) and times
//    them interleaved in one run; ratios are stubbed/plain (goal <= 1.03).
//    A tiny function (~25 ns), so this is the worst case for the ratio.
//  - hot path through the kernel shim: the test driver's ndo_start_xmit via
//    fgft_netdev_xmit (skb allocation, MMIO doorbell), plain and stubbed
//    builds run alternately.
//  - recovery, runtime only: wall time per recovery with nothing to release;
//  - recovery on the simulated machine: test/recovery/c/shim_drv.c (a PCI
//    network driver holding one of every tracked resource) fails under each
//    policy; wall time of release (+ restart) and the outage in simulated time
//    from the failure to the device being back (the test device has no reset
//    or link delays).
//
// NOT MEASURED yet: the outage with the e1000 model (reset and link
// negotiation), which needs the e1000 harness.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformTranslationUnit } from '../compiler/pipeline.js';
import { stripAnnotationsPass } from '../compiler/passes/bounds/strip-annotations.js';
import { entryStubsPass } from '../compiler/passes/stubs/index.js';

const FRAMES = 200_000;
const ROUNDS = 7;
const RECOVERIES = 200;
const MACHINE_RUNS = 5;
const SHIM_FRAMES = 50_000;

/** The repository root, from the source tree or from dist/. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

const cflags = ['-std=gnu11', '-O2', '-Wall', '-Wextra', '-Werror'];

/** Send the hot path through the stubs pass, named `opsName`, with or without probes. */
function stubbed(root: string, work: string, opsName: string, probes: boolean): string {
  const src = join(root, 'bench/recovery-hotpath.c');
  const pre = execFileSync('gcc', ['-E', `-DHOT_OPS=${opsName}`, src]).toString('latin1');
  const r = transformTranslationUnit(src, pre, { stubs: { enabled: true, probes } }, [stripAnnotationsPass, entryStubsPass]);
  if (r.stats.stubsGenerated !== 1) throw new Error(`expected one stub in the hot path, got ${r.stats.stubsGenerated}`);
  const out = join(work, `${opsName}.i`);
  writeFileSync(out, r.output, 'latin1');
  return out;
}

function build(root: string, work: string): string {
  const exe = join(work, 'recovery-bench');
  const runtime = ['kr_domain.c', 'kr_policy.c', 'kr_signals.c', 'kr_watchdog.c', 'kr_control.c', 'kr_checks.c', 'kr_inject.c'].map((f) =>
    join(root, 'runtime-c/krecover', f),
  );
  const args = [
    ...cflags,
    `-I${root}/runtime-c/include`,
    '-x', 'c', '-DHOT_OPS=hot_ops_plain', join(root, 'bench/recovery-hotpath.c'),
    '-x', 'cpp-output', stubbed(root, work, 'hot_ops_stubbed', false), stubbed(root, work, 'hot_ops_probed', true),
    '-x', 'c', join(root, 'bench/recovery-bench-main.c'), ...runtime, join(root, 'runtime-c/checks/fgft_check.c'),
    '-pthread', '-o', exe,
  ];
  const r = spawnSync('gcc', args, { encoding: 'latin1' });
  if (r.status !== 0) throw new Error(`building the recovery benchmark failed:\n${r.stderr}`);
  return exe;
}

/**
 * The test driver on the shim (test/recovery/c), as machine.test.ts builds
 * it: through fgftc with stubs, or (`plain`) straight through gcc.
 */
function buildMachine(root: string, work: string, plain: boolean): string {
  const flags = ['-std=c11', '-D_DEFAULT_SOURCE'];
  const includes = [`-I${root}/runtime-c/include`, `-I${root}/annotations`];
  const c = (f: string): string => join(root, 'test/recovery/c', f);
  let driver = ['-x', 'c', c('shim_drv.c')];
  if (!plain) {
    const pre = execFileSync('gcc', ['-E', ...flags, '-D__FGFTC__', ...includes, c('shim_drv.c')]).toString('latin1');
    const r = transformTranslationUnit(c('shim_drv.c'), pre, { stubs: { enabled: true } }, [stripAnnotationsPass, entryStubsPass]);
    const drv = join(work, 'shim_drv.i');
    writeFileSync(drv, r.output, 'latin1');
    driver = ['-x', 'cpp-output', drv];
  }
  const shim = readdirSync(join(root, 'runtime-c/shim'))
    .filter((f) => f.endsWith('.c'))
    .map((f) => join(root, 'runtime-c/shim', f));
  const runtime = ['kr_domain.c', 'kr_policy.c', 'kr_signals.c', 'kr_watchdog.c', 'kr_control.c', 'kr_checks.c', 'kr_inject.c', 'kr_machine.c'];
  const exe = join(work, plain ? 'shim_plain' : 'shim_stubbed');
  const args = [
    ...flags, '-O2', ...includes, ...driver, '-x', 'c', c('shim_main.c'), c('wall_clock.c'),
    ...runtime.map((f) => join(root, 'runtime-c/krecover', f)), join(root, 'runtime-c/checks/fgft_check.c'), ...shim,
    '-pthread', '-lm', '-o', exe,
  ];
  const cc = spawnSync('gcc', args, { encoding: 'latin1' });
  if (cc.status !== 0) throw new Error(`building the machine benchmark failed:\n${cc.stderr}`);
  return exe;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(exe: string, args: string[]): Map<string, number> {
  const r = spawnSync(exe, args, { encoding: 'latin1', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${exe} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  const out = new Map<string, number>();
  for (const m of r.stdout.matchAll(/^([\w.-]+)(?:=|: )([-\d.]+)$/gm)) out.set(m[1], Number(m[2]));
  return out;
}

function need(m: Map<string, number>, key: string): number {
  const v = m.get(key);
  if (v === undefined) throw new Error(`benchmark output lacks ${key}`);
  return v;
}

export async function benchRecovery(): Promise<Record<string, number>> {
  const root = repoRoot();
  const work = mkdtempSync(join(tmpdir(), 'fgftc-bench-recovery-'));
  try {
    const exe = build(root, work);
    const hot = run(exe, ['hotpath', String(FRAMES), String(ROUNDS)]);
    const plain = need(hot, 'plain_ns');
    const result: Record<string, number> = {
      'recovery.hotpath.plain_ns_per_frame': plain,
      'recovery.hotpath.stubbed_ns_per_frame': need(hot, 'stubbed_ns'),
      'recovery.hotpath.stubbed_ratio': need(hot, 'stubbed_ns') / plain,
      'recovery.hotpath.stubbed_probes_ratio': need(hot, 'probed_ns') / plain,
    };
    for (const policy of ['unload', 'restart']) {
      const rec = run(exe, ['recovery', policy, String(RECOVERIES)]);
      result[`recovery.${policy}.runtime_wall_us_mean`] = need(rec, 'mean_ns') / 1000;
      result[`recovery.${policy}.runtime_wall_us_worst`] = need(rec, 'worst_ns') / 1000;
    }
    const machine = buildMachine(root, work, false);
    const machinePlain = buildMachine(root, work, true);
    const plainShim: number[] = [];
    const stubbedShim: number[] = [];
    for (let i = 0; i < MACHINE_RUNS; i++) {
      plainShim.push(need(run(machinePlain, ['hotpath', String(SHIM_FRAMES), '3']), 'xmit_ns'));
      stubbedShim.push(need(run(machine, ['hotpath', String(SHIM_FRAMES), '3']), 'xmit_ns'));
    }
    result['recovery.shim_xmit.plain_ns_per_frame'] = median(plainShim);
    result['recovery.shim_xmit.stubbed_ns_per_frame'] = median(stubbedShim);
    result['recovery.shim_xmit.stubbed_ratio'] = median(stubbedShim) / median(plainShim);
    for (const policy of ['unload', 'restart']) {
      const runs = Array.from({ length: MACHINE_RUNS }, () => run(machine, [policy, '0']));
      result[`recovery.${policy}.machine_wall_us`] = median(runs.map((m) => need(m, 'recovery-time-last-ns'))) / 1000;
      result[`recovery.${policy}.machine_resources_released`] = need(runs[0], 'resources-released');
      if (policy === 'restart') result[`recovery.restart.outage_sim_us`] = median(runs.map((m) => need(m, 'outage_ns'))) / 1000;
    }
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
