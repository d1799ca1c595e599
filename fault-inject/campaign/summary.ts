// The campaign summary: outcomes by recovery policy, the research-style
// comparison (how many of the same faults took the system down with each
// policy) and a per-operator breakdown, as markdown.
import { CLASS_LABELS, conditionOf, SYSTEM_FAILURES, TRIAL_CLASSES, type TrialClass, type TrialResult } from './trial.js';

export type ClassCounts = Record<TrialClass, number>;

function emptyCounts(): ClassCounts {
  return Object.fromEntries(TRIAL_CLASSES.map((c) => [c, 0])) as ClassCounts;
}

// The research systems' order: no recovery first, then SafeDrive's unload, restart, FGFT's rollback.
const POLICY_ORDER = ['off', 'none', 'unload', 'restart', 'rollback', 'fgft'];

// A condition is `policy` or `policy (persistence)`: rank by the policy, then transient before permanent.
function policyRank(condition: string): number {
  const i = POLICY_ORDER.indexOf(condition.split(' ')[0]);
  return i < 0 ? POLICY_ORDER.length : i;
}

/** Conditions (policy, and persistence for recovering policies; no recovery first), with their class counts. */
export function countsByPolicy(results: readonly TrialResult[]): Map<string, ClassCounts> {
  const policies = [...new Set(results.map(conditionOf))].sort((a, b) => policyRank(a) - policyRank(b) || b.localeCompare(a));
  const out = new Map<string, ClassCounts>(policies.map((p) => [p, emptyCounts()]));
  for (const r of results) (out.get(conditionOf(r)) as ClassCounts)[r.class]++;
  return out;
}

const faultKey = (r: TrialResult): string => `${r.site}|${r.workload}|${r.repeat}`;

/** Faults (site, workload, repeat) that were activated and have a result under every policy. */
export function comparableFaults(results: readonly TrialResult[], policies: readonly string[]): Map<string, Map<string, TrialResult>> {
  const byFault = new Map<string, Map<string, TrialResult>>();
  for (const r of results) {
    const m = byFault.get(faultKey(r)) ?? new Map<string, TrialResult>();
    m.set(conditionOf(r), r);
    byFault.set(faultKey(r), m);
  }
  for (const [k, m] of byFault) {
    const complete = policies.every((p) => m.has(p));
    const activated = [...m.values()].some((r) => r.activated || r.class === 'crash' || r.class === 'hang');
    if (!complete || !activated) byFault.delete(k);
  }
  return byFault;
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function summaryMarkdown(results: readonly TrialResult[], title = 'Fault-injection campaign'): string {
  const byPolicy = countsByPolicy(results);
  const policies = [...byPolicy.keys()];
  const operators = [...new Set(results.map((r) => r.operator))].sort();
  const workloads = [...new Set(results.map((r) => r.workload))];
  const sites = new Set(results.map((r) => r.site));
  const lines: string[] = [`# ${title}`, ''];
  lines.push(`${results.length} trials: ${sites.size} fault sites, ${operators.length} operators, workloads ${workloads.join(', ')}, policies ${policies.join(', ')}.`, '');

  if (results.some((r) => r.persistence !== undefined)) {
    lines.push('Persistence of the fault across recovery: *transient* faults are gone once the driver has been recovered ' +
      '(a restart reloads a clean image, as in MINIX 3 and Nooks, whose injected faults were in the running image); ' +
      '*permanent* faults stay (a compile-time bug: the restarted driver runs the same code).', '');
  }
  lines.push('## Outcomes by recovery policy', '');
  lines.push(row(['policy', 'trials', ...TRIAL_CLASSES.map((c) => CLASS_LABELS[c])]));
  lines.push(row(Array(TRIAL_CLASSES.length + 2).fill('---')));
  for (const [p, counts] of byPolicy) {
    const total = TRIAL_CLASSES.reduce((n, c) => n + counts[c], 0);
    lines.push(row([p, total, ...TRIAL_CLASSES.map((c) => counts[c])]));
  }
  lines.push('');

  const faults = comparableFaults(results, policies);
  lines.push('## The same faults under each policy', '');
  lines.push(`${faults.size} activated faults (site x workload x repeat) ran under every policy. How many took the system down (harness crash or hang):`, '');
  lines.push(row(['policy', 'system failures', 'share', 'recovered transparently', 'recovered with app error', 'silent corruption']));
  lines.push(row(Array(6).fill('---')));
  for (const p of policies) {
    const rs = [...faults.values()].map((m) => m.get(p) as TrialResult);
    const count = (pred: (c: TrialClass) => boolean): number => rs.filter((r) => pred(r.class)).length;
    const down = count((c) => SYSTEM_FAILURES.has(c));
    lines.push(row([p, down, pct(down, rs.length), count((c) => c === 'recovered-transparent'), count((c) => c === 'recovered-app-error'), count((c) => c === 'silent-corruption')]));
  }
  if (policies.length > 1 && faults.size > 0) {
    const [first, ...rest] = policies;
    const downIn = (p: string): number => [...faults.values()].filter((m) => SYSTEM_FAILURES.has((m.get(p) as TrialResult).class)).length;
    lines.push('', `Without recovery (${first}) ${downIn(first)} of ${faults.size} faults took the system down; ` +
      rest.map((p) => `with ${p}, ${downIn(p)}`).join('; ') + '.');
  }
  lines.push('');

  lines.push('## System failures by operator (failures / activated trials)', '');
  lines.push(row(['operator', ...policies]));
  lines.push(row(Array(policies.length + 1).fill('---')));
  for (const op of operators) {
    const cells = policies.map((p) => {
      const rs = results.filter((r) => r.operator === op && conditionOf(r) === p && r.class !== 'not-activated');
      return `${rs.filter((r) => SYSTEM_FAILURES.has(r.class)).length}/${rs.length}`;
    });
    lines.push(row([op, ...cells]));
  }
  lines.push('');
  return lines.join('\n');
}
