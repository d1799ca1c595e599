// `fgftc campaign run|merge|summary`: fault-injection campaigns against a
// one-build harness binary (see docs/CAMPAIGNS.md).
import { execSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { UserError } from '../diagnostics.js';
import type { Subcommand } from './subcommand.js';

const USAGE = `Usage: fgftc campaign run --exe HARNESS [options]
       fgftc campaign merge --out DIR SHARD_DIR...
       fgftc campaign summary DIR

run options:
  --exe PATH            the harness, built in one-build mode (every fault site compiled in)
  --build CMD           shell command that builds it first (e.g. "make -C examples/e1000 FAULT=all SCHEMATA=1")
  --args "WORDS"        harness arguments; {workload} {policy} {policy_value} {site} {operator} {repeat}
                        {seed} (repeat+1) are filled in, {report} names a file for the harness's JSON report
                        (default: "--workload {workload} --policy {policy}")
  --env K=V             extra environment per trial, templated the same way (repeatable)
  --workloads a,b       workloads (default: basic)
  --policies a,b        recovery policies, each NAME or NAME=VALUE ({policy_value}; e.g. "off=r 0,restart=r 1; p restart")
                        (default: off,unload,restart)
  --persistence a,b     for recovering policies, whether the fault survives recovery: transient (gone after
                        recovery, as a reloaded clean image: MINIX 3, Nooks) and/or permanent (a compile-time
                        bug the restarted driver still has) (default: transient)
  --operators a,b       only these fault operators (default: every site in the binary)
  --seeds K             per operator, K sites chosen by seed 0..K-1 instead of every site
  --repeats R           runs per (site, workload, policy) (default 1)
  --limit N             only the first N trials of the plan
  --jobs J              trials at once (default: all cores, ${availableParallelism()})
  --timeout MS          per-trial time limit; past it the trial is a hang (default 10000)
  --shard i/N           run the i-th of N round-robin shards (merge them with 'campaign merge')
  --out DIR             results: trials.jsonl, summary.md, chart.svg (default: campaign-out)
  --no-progress         no progress bar
  --no-fork-server      one exec per trial even if the harness has the fault runtime's fork server
A campaign is resumable: rerun the same command and finished trials are skipped.
`;

type Flags = Map<string, string[]>;

function parseFlags(argv: readonly string[], booleans: ReadonlySet<string>): { flags: Flags; positional: string[] } {
  const flags: Flags = new Map();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    let value = eq < 0 ? undefined : a.slice(eq + 1);
    if (value === undefined && !booleans.has(name)) {
      value = argv[++i];
      if (value === undefined) throw new UserError(`missing argument to '${name}'`);
    }
    flags.set(name, [...(flags.get(name) ?? []), value ?? 'true']);
  }
  return { flags, positional };
}

const RUN_FLAGS = new Set(['--exe', '--build', '--args', '--env', '--workloads', '--policies', '--persistence', '--operators', '--seeds', '--repeats',
  '--limit', '--jobs', '--timeout', '--shard', '--out', '--no-progress', '--no-fork-server']);

function one(flags: Flags, name: string): string | undefined {
  const v = flags.get(name);
  return v?.[v.length - 1];
}

function list(flags: Flags, name: string, fallback: string[]): string[] {
  const v = one(flags, name);
  return v === undefined ? fallback : v.split(',').map((s) => s.trim()).filter(Boolean);
}

function count(flags: Flags, name: string, fallback: number | undefined, min = 1): number | undefined {
  const v = one(flags, name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UserError(`${name}: expected an integer >= ${min}, got '${v}'`);
  return Number(v);
}

function persistences(names: string[]): ('transient' | 'permanent')[] {
  const out: ('transient' | 'permanent')[] = [];
  for (const n of names) {
    if (n !== 'transient' && n !== 'permanent') throw new UserError(`--persistence: expected transient or permanent, got '${n}'`);
    out.push(n);
  }
  if (out.length === 0) throw new UserError('--persistence: expected transient, permanent or both');
  return out;
}

async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseFlags(argv, new Set(['--no-progress', '--no-fork-server']));
  for (const name of flags.keys()) if (!RUN_FLAGS.has(name)) throw new UserError(`campaign run: unknown option '${name}'`);
  if (positional.length > 0) throw new UserError(`campaign run: unexpected argument '${positional[0]}'`);
  const exe = one(flags, '--exe');
  if (!exe) throw new UserError('campaign run: --exe HARNESS is required');
  const build = one(flags, '--build');
  if (build) {
    try {
      execSync(build, { stdio: 'inherit' });
    } catch {
      throw new UserError(`campaign run: the build command failed: ${build}`);
    }
  }
  const env: Record<string, string> = {};
  for (const kv of flags.get('--env') ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UserError(`--env: expected KEY=VALUE, got '${kv}'`);
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const { runCampaign } = await import('../../fault-inject/campaign/campaign.js');
  const { parseShard } = await import('../../fault-inject/campaign/plan.js');
  const shardSpec = one(flags, '--shard');
  const outDir = one(flags, '--out') ?? 'campaign-out';
  const result = await runCampaign({
    target: {
      exe,
      args: (one(flags, '--args') ?? '--workload {workload} --policy {policy}').split(/\s+/).filter(Boolean),
      env,
      timeoutMs: count(flags, '--timeout', 10_000) as number,
    },
    outDir,
    workloads: list(flags, '--workloads', ['basic']),
    policies: list(flags, '--policies', ['off', 'unload', 'restart']),
    persistences: persistences(list(flags, '--persistence', ['transient'])),
    operators: flags.has('--operators') ? list(flags, '--operators', []) : undefined,
    seeds: count(flags, '--seeds', undefined),
    repeats: count(flags, '--repeats', 1) as number,
    limit: count(flags, '--limit', undefined),
    jobs: count(flags, '--jobs', availableParallelism()) as number,
    shard: shardSpec ? parseShard(shardSpec) : undefined,
    progress: !flags.has('--no-progress'),
    forkServer: !flags.has('--no-fork-server'),
  });
  process.stderr.write(
    `fgftc campaign: ${result.ran} trials run (${result.trialsPerSecond.toFixed(1)}/s), ${result.skipped} already done, ` +
      `${result.results.length} in ${outDir}/trials.jsonl; summary in ${outDir}/summary.md, chart in ${outDir}/chart.svg\n`,
  );
  return result.ran + result.skipped === result.planned ? 0 : 130;
}

async function merge(argv: string[]): Promise<number> {
  const { flags, positional } = parseFlags(argv, new Set());
  const out = one(flags, '--out');
  if (!out) throw new UserError('campaign merge: --out DIR is required');
  const { mergeCampaigns } = await import('../../fault-inject/campaign/campaign.js');
  const results = mergeCampaigns(out, positional);
  process.stderr.write(`fgftc campaign: merged ${results.length} trials from ${positional.length} directories into ${out}\n`);
  return 0;
}

async function summary(argv: string[]): Promise<number> {
  if (argv.length !== 1) throw new UserError('campaign summary: expected one directory');
  const { writeReports, TRIALS_FILE } = await import('../../fault-inject/campaign/campaign.js');
  const { readResults } = await import('../../fault-inject/campaign/store.js');
  const { join } = await import('node:path');
  writeReports(argv[0], [readResults(join(argv[0], TRIALS_FILE))]);
  const { readFileSync } = await import('node:fs');
  process.stdout.write(readFileSync(join(argv[0], 'summary.md'), 'utf8'));
  return 0;
}

export const campaignCommand: Subcommand = {
  name: 'campaign',
  description: 'run, merge and summarise fault-injection campaigns against a one-build harness',
  async run(argv) {
    const [what, ...rest] = argv;
    if (what === 'run') return run(rest);
    if (what === 'merge') return merge(rest);
    if (what === 'summary') return summary(rest);
    if (what === undefined || what === '--help' || what === '-h') {
      process.stdout.write(USAGE);
      return what === undefined ? 1 : 0;
    }
    throw new UserError(`unknown 'campaign' command '${what}' (expected run, merge or summary)`);
  },
};
