// A campaign from start to end: list the binary's sites, plan, skip what is
// already done, run the rest in parallel, write the summary and chart.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../compiler/diagnostics.js';
import { chartSvg } from './chart.js';
import { buildPlan, shardOf, type Shard } from './plan.js';
import { Progress } from './progress.js';
import { listSites, runAll, TrialRunner, type Target } from './runner.js';
import { appendResult, mergeResults, readResults } from './store.js';
import { countsByPolicy, summaryMarkdown } from './summary.js';
import type { Persistence, TrialResult } from './trial.js';

export interface CampaignOptions {
  target: Target;
  outDir: string;
  workloads: string[];
  policies: string[];
  operators?: string[];
  seeds?: number;
  repeats: number;
  /** Fault persistence across recovery, for recovering policies (default: transient). */
  persistences?: Persistence[];
  limit?: number;
  jobs: number;
  shard?: Shard;
  progress: boolean;
  /** Use the fault runtime's fork server when the harness has it (default true). */
  forkServer?: boolean;
}

export interface CampaignRun {
  planned: number; // trials in this shard
  skipped: number; // already in trials.jsonl (resumed)
  ran: number;
  results: TrialResult[]; // everything in trials.jsonl now
  trialsPerSecond: number;
}

export const TRIALS_FILE = 'trials.jsonl';

export async function runCampaign(o: CampaignOptions): Promise<CampaignRun> {
  mkdirSync(o.outDir, { recursive: true });
  const { sites, baseline } = await listSites(o.target, o.workloads[0], o.policies[0]);
  if (sites.length === 0) {
    throw new UserError(
      `${o.target.exe} lists no fault sites: build it in one-build mode (--fgftc-fault=all --fgftc-fault-schemata) ` +
        `and link fault-inject/runtime/fgft_fault.c (baseline run: exit ${baseline.exitCode ?? baseline.signal})`,
    );
  }
  const plan = buildPlan({ sites, operators: o.operators, seeds: o.seeds, workloads: o.workloads, policies: o.policies, repeats: o.repeats, persistences: o.persistences, limit: o.limit });
  const mine = o.shard ? shardOf(plan, o.shard) : plan;
  const resultsPath = join(o.outDir, TRIALS_FILE);
  const done = new Set(readResults(resultsPath).map((r) => r.id));
  const todo = mine.filter((t) => !done.has(t.id));
  writeFileSync(join(o.outDir, 'campaign.json'), JSON.stringify({ ...o, target: { ...o.target }, sites: sites.length, planned: plan.length, shardTrials: mine.length }, null, 2) + '\n');

  const runner = new TrialRunner(o.target, { forkServer: o.forkServer });
  const progress = o.progress ? new Progress(todo.length) : undefined;
  let stop = false;
  const onSignal = (): void => {
    stop = true; // finish running trials, then write the summary; rerun to resume
  };
  process.once('SIGINT', onSignal);
  const started = performance.now();
  let ran = 0;
  try {
    await runAll(todo, runner, o.jobs, (r) => {
      appendResult(resultsPath, r);
      ran++;
      progress?.tick(r.class);
    }, () => stop);
  } finally {
    process.removeListener('SIGINT', onSignal);
    runner.dispose();
  }
  const secs = (performance.now() - started) / 1000;
  const results = writeReports(o.outDir, [readResults(resultsPath)]);
  return { planned: mine.length, skipped: mine.length - todo.length, ran, results, trialsPerSecond: secs > 0 ? ran / secs : 0 };
}

/** Merge result lists into outDir: trials.jsonl (deduplicated), summary.md, chart.svg. */
export function writeReports(outDir: string, lists: readonly (readonly TrialResult[])[], title = 'Fault-injection campaign'): TrialResult[] {
  mkdirSync(outDir, { recursive: true });
  const results = mergeResults(lists);
  writeFileSync(join(outDir, TRIALS_FILE), results.map((r) => JSON.stringify(r)).join('\n') + (results.length ? '\n' : ''));
  writeFileSync(join(outDir, 'summary.md'), summaryMarkdown(results, title));
  writeFileSync(join(outDir, 'chart.svg'), chartSvg(countsByPolicy(results), `${title}: outcomes by recovery policy`));
  return results;
}

export function mergeCampaigns(outDir: string, inputs: readonly string[]): TrialResult[] {
  if (inputs.length === 0) throw new UserError('campaign merge: no input directories');
  const missing = inputs.filter((d) => !existsSync(join(d, TRIALS_FILE)));
  if (missing.length > 0) throw new UserError(`campaign merge: no ${TRIALS_FILE} in ${missing.join(', ')}`);
  return writeReports(outDir, inputs.map((d) => readResults(join(d, TRIALS_FILE))));
}
