// What one campaign trial is, what it produced, and the classes it falls in.

/**
 * Whether an injected fault survives recovery. A compile-time fault is permanent (a restarted driver runs
 * the same code); restart-based systems (MINIX 3, Nooks) reload a fresh image, so the fault injected into
 * the running image is gone after recovery: transient. The fault runtime reads FGFT_FAULT_PERSISTENCE.
 */
export const PERSISTENCES = ['transient', 'permanent'] as const;
export type Persistence = (typeof PERSISTENCES)[number];

/** Policies that recover nothing: persistence across recovery means nothing to them. */
export const NO_RECOVERY_POLICIES: ReadonlySet<string> = new Set(['off', 'none']);

/** What a trial ran under: the policy, and for recovering policies the fault's persistence. */
export function conditionOf(t: { policy: string; persistence?: Persistence }): string {
  return t.persistence === undefined ? t.policy : `${t.policy} (${t.persistence})`;
}

/** One run of the target: one fault site under one workload and one recovery policy. */
export interface TrialSpec {
  id: string; // `${site}|${workload}|${policy}|${repeat}`, unique in a campaign
  index: number; // position in the full (unsharded) plan
  site: string; // fault site ID (FGFT_FAULT)
  operator: string;
  workload: string;
  policy: string;
  /** What the policy means to the harness, from `--policies name=value` ({policy_value}). */
  policyValue?: string;
  repeat: number;
  /** For recovering policies; absent for `off` (and in results of campaigns before persistence existed). */
  persistence?: Persistence;
}

/** The harness's JSON report (the last JSON line on its stdout); fields it does not give are absent. */
export interface HarnessReport {
  verified?: boolean; // the workload's results were checked and are intact
  detected?: number; // failures the isolation/recovery runtime detected
  recovered?: number; // recoveries performed (unload, restart, rollback)
  app_errors?: number; // errors the application saw
  leaks?: number; // resources still held by the driver after the run (after recovery)
  stalled?: boolean; // the harness gave up waiting for traffic (the driver is wedged)
  errored?: number; // frames not delivered but reported to the application (counted in app_errors too)
  unaccounted?: number; // frames lost, corrupted or duplicated without the application being told
  [key: string]: unknown;
}

export const TRIAL_CLASSES = [
  'not-activated',
  'no-effect',
  'recovered-transparent',
  'recovered-app-error',
  'crash',
  'hang',
  'silent-corruption',
  'leak-after-recovery',
  'leak',
] as const;
export type TrialClass = (typeof TRIAL_CLASSES)[number];

export const CLASS_LABELS: Readonly<Record<TrialClass, string>> = {
  'not-activated': 'not activated',
  'no-effect': 'activated, no effect',
  'recovered-transparent': 'recovered transparently',
  'recovered-app-error': 'recovered, app-visible error',
  crash: 'harness crash ("kernel crash")',
  hang: 'hang',
  'silent-corruption': 'silent corruption',
  'leak-after-recovery': 'leak after recovery',
  leak: 'undetected leak',
};

/** Classes where the system as a whole went down. */
export const SYSTEM_FAILURES: ReadonlySet<TrialClass> = new Set(['crash', 'hang']);

export interface TrialResult extends Omit<TrialSpec, 'index'> {
  class: TrialClass;
  activated: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
  report?: HarnessReport;
  stderrTail?: string;
}
