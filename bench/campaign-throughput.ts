// Campaign throughput: trials per second with one build holding every fault
// (mutant schemata, the fault picked per run) against one build per fault
// (transform + compile + link + run per trial), in the same run, on the
// fixture driver of test/faults: its trials take milliseconds, so the rate
// measures the campaign machinery (fork server, classification, JSONL), not
// the workload. (On the e1000 example a per-fault build recompiles a driver
// unit through fgftc, ~10 s, and its trials run 200 frames: docs/CAMPAIGNS.md
// gives the measured rate of the full e1000 campaign.)
// Goal: one-build >= 20x faster and >= 200 trials/s on 2 cores.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformTranslationUnit } from '../compiler/pipeline.js';
import { buildPlan } from '../fault-inject/campaign/plan.js';
import { runAll, TrialRunner, type Target } from '../fault-inject/campaign/runner.js';
import type { TrialSpec } from '../fault-inject/campaign/trial.js';
import { round, type BenchResult } from './benchmark.js';
import { checkoutRoot } from '../compiler/checkout.js';

const repoRoot = checkoutRoot();
const fixtures = join(repoRoot, 'test', 'faults', 'fixtures');
const runtimeDir = join(repoRoot, 'fault-inject', 'runtime');
const PER_FAULT_TRIALS = Number(process.env.FGFTC_BENCH_PER_FAULT_TRIALS ?? 24);
const CFLAGS = ['-std=gnu11', '-O1', `-I${fixtures}`, `-I${runtimeDir}`];

function gcc(args: string[]): void {
  execFileSync('gcc', [...CFLAGS, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Objects every build links: the fixture kernel, the campaign harness, the fault runtime (built once, untimed). */
function commonObjects(dir: string): string[] {
  const sources = [join(fixtures, 'kernel.c'), join(fixtures, 'campaign-harness.c'), join(runtimeDir, 'fgft_fault.c')];
  return sources.map((src, i) => {
    const obj = join(dir, `common${i}.o`);
    gcc(['-c', '-o', obj, src]);
    return obj;
  });
}

function buildDriver(dir: string, tag: string, driverText: string, fault: NonNullable<Parameters<typeof transformTranslationUnit>[2]>['fault'], objects: string[]): string {
  const t = transformTranslationUnit(join(fixtures, 'driver.c'), driverText, { fault });
  const i = join(dir, `${tag}.i`);
  const exe = join(dir, tag);
  writeFileSync(i, t.output, 'latin1');
  gcc(['-o', exe, i, ...objects]);
  return exe;
}

function target(exe: string): Target {
  return { exe, args: ['--workload', '{workload}', '--policy', '{policy}'], env: {}, timeoutMs: 2000 };
}

async function timed(jobs: number, trials: readonly TrialSpec[], runOne: (t: TrialSpec) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < trials.length) await runOne(trials[next++]);
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return (performance.now() - started) / 1000;
}

export async function benchCampaign(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fgftc-bench-campaign-'));
  const jobs = Number(process.env.FGFTC_BENCH_JOBS ?? availableParallelism());
  try {
    const driverText = execFileSync('gcc', ['-E', `-I${fixtures}`, join(fixtures, 'driver.c')], { encoding: 'latin1' });
    const objects = commonObjects(dir);

    // One build: transform + compile once (timed), then every trial is one run.
    const started = performance.now();
    const exe = buildDriver(dir, 'schemata', driverText, { operator: 'all', schemata: true }, objects);
    const unit = transformTranslationUnit(join(fixtures, 'driver.c'), driverText, { fault: { operator: 'all', schemata: true } });
    const sites = (unit.stats.details?.['fault-inject'] as { injected: { id: string }[] }).injected.map((r) => r.id);
    const plan = buildPlan({ sites, workloads: ['basic', 'stats'], policies: ['off', 'restart'], repeats: 1 });
    // infloop trials run into the time limit by design; they would measure the timeout, not the campaign.
    const trials = plan.filter((t) => t.operator !== 'infloop');
    const runner = new TrialRunner(target(exe));
    await runAll(trials, runner, jobs, () => {});
    runner.dispose();
    const oneBuildSecs = (performance.now() - started) / 1000;

    // One build per fault: transform + compile + link + run, for a sample of the same trials.
    const step = Math.max(1, Math.floor(trials.length / PER_FAULT_TRIALS));
    const sample = trials.filter((_, i) => i % step === 0).slice(0, PER_FAULT_TRIALS);
    let k = 0;
    const perFaultSecs = await timed(jobs, sample, async (t) => {
      const tag = `single${k++}`;
      const single = buildDriver(dir, tag, driverText, { operator: t.operator, siteId: t.site }, objects);
      const r = new TrialRunner(target(single), { forkServer: false }); // one run per binary: a plain spawn is cheaper
      await r.run(t);
      r.dispose();
    });

    const oneBuildRate = trials.length / oneBuildSecs;
    const perFaultRate = sample.length / perFaultSecs;
    return {
      jobs,
      sites: sites.length,
      oneBuildTrials: trials.length,
      oneBuildSeconds: round(oneBuildSecs),
      oneBuildTrialsPerSecond: round(oneBuildRate, 1),
      perFaultTrials: sample.length,
      perFaultSeconds: round(perFaultSecs),
      perFaultTrialsPerSecond: round(perFaultRate, 1),
      speedup: round(oneBuildRate / perFaultRate, 1),
      goalSpeedup: 20,
      goalTrialsPerSecond: 200,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
