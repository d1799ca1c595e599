// The trial plan: sites x workloads x policies x repeats, in a fixed order so
// that shards and resumed runs agree on what each trial is.
import { UserError } from '../../compiler/diagnostics.js';
import { Rng } from '../prng.js';
import { NO_RECOVERY_POLICIES, type Persistence, type TrialSpec } from './trial.js';

export interface PlanInput {
  sites: readonly string[]; // site IDs as the binary lists them
  operators?: readonly string[]; // keep only these operators
  seeds?: number; // per operator, pick this many sites by seed (0..seeds-1) instead of all
  workloads: readonly string[];
  policies: readonly string[]; // `name` or `name=value` (value: how the harness is told, {policy_value})
  repeats: number;
  /** Persistence of the fault across recovery, for recovering policies (default: transient). */
  persistences?: readonly Persistence[];
  limit?: number; // keep the first N trials
}

/** The operator of a site ID `function:line:col:operator#n`. */
export function operatorOf(site: string): string {
  const last = site.slice(site.lastIndexOf(':') + 1);
  return last.replace(/#\d+$/, '');
}

function pickSites(input: PlanInput): string[] {
  const wanted = input.operators ? new Set(input.operators) : undefined;
  const sites = input.sites.filter((s) => !wanted || wanted.has(operatorOf(s)));
  if (input.seeds === undefined) return sites;
  // SafeDrive-style FAULT=op SEED=n: seed n picks site below(n) among the operator's sites.
  const byOperator = new Map<string, string[]>();
  for (const s of sites) byOperator.set(operatorOf(s), [...(byOperator.get(operatorOf(s)) ?? []), s]);
  const out: string[] = [];
  for (const list of byOperator.values()) {
    for (let seed = 0; seed < input.seeds; seed++) out.push(list[new Rng(seed).below(list.length)]);
  }
  return out;
}

export function buildPlan(input: PlanInput): TrialSpec[] {
  const trials: TrialSpec[] = [];
  const seen = new Set<string>();
  for (const site of pickSites(input)) {
    for (const workload of input.workloads) {
      for (const spec of input.policies) {
        const eq = spec.indexOf('=');
        const policy = eq < 0 ? spec : spec.slice(0, eq);
        const policyValue = eq < 0 ? undefined : spec.slice(eq + 1);
        const persistences: (Persistence | undefined)[] = NO_RECOVERY_POLICIES.has(policy) ? [undefined] : [...(input.persistences ?? ['transient'])];
        for (const persistence of persistences) {
          for (let repeat = 0; repeat < input.repeats; repeat++) {
            const condition = persistence === undefined ? policy : `${policy}/${persistence}`;
            const id = `${site}|${workload}|${condition}|${repeat}`;
            if (seen.has(id)) continue; // a seed can pick the same site twice
            seen.add(id);
            const trial: TrialSpec = { id, index: trials.length, site, operator: operatorOf(site), workload, policy, repeat };
            if (policyValue !== undefined) trial.policyValue = policyValue;
            if (persistence !== undefined) trial.persistence = persistence;
            trials.push(trial);
          }
        }
      }
    }
  }
  return input.limit === undefined ? trials : trials.slice(0, input.limit);
}

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new UserError(`--shard: expected i/N with 1 <= i <= N, got '${spec}'`);
  }
  return shard;
}

/** Round-robin split: every shard gets a mix of operators, so shards take about equally long. */
export function shardOf(trials: readonly TrialSpec[], shard: Shard): TrialSpec[] {
  return trials.filter((t) => t.index % shard.count === shard.index - 1);
}
