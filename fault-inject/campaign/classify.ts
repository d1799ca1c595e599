// Classifying a trial from what the harness process did and reported.
// Order matters: a hang or a crash is what the user sees first, whatever the
// fault; a fault that never ran cannot be blamed for anything else.
import type { HarnessReport, TrialClass } from './trial.js';

export interface ProcessOutcome {
  timedOut: boolean;
  exitCode: number | null;
  signal: string | null;
  report?: HarnessReport; // absent if the harness printed none (it died)
  activated: boolean; // the fault runtime recorded the fault firing
}

export function classify(o: ProcessOutcome): TrialClass {
  if (o.timedOut) return 'hang';
  const r = o.report;
  if (!r || o.signal !== null) return 'crash';
  if (!o.activated) return 'not-activated';
  const detected = (r.detected ?? 0) > 0;
  const recovered = (r.recovered ?? 0) > 0;
  const leaked = (r.leaks ?? 0) > 0;
  // Detected but nothing recovered: with recovery off a detected fault stops the system.
  if (detected && !recovered) return 'crash';
  if (recovered) {
    if (leaked) return 'leak-after-recovery';
    // Recovery must account for every frame: lost, corrupted or duplicated ones were not reported to anyone.
    if ((r.unaccounted ?? 0) > 0) return 'silent-corruption';
    if (r.stalled === true && r.verified === false) return 'hang';
    return r.verified !== false && (r.app_errors ?? 0) === 0 ? 'recovered-transparent' : 'recovered-app-error';
  }
  // The harness saw traffic stop for good: the driver is wedged.
  if (r.stalled === true && r.verified === false) return 'hang';
  if (r.verified === false) return 'silent-corruption';
  if (leaked) return 'leak';
  return 'no-effect';
}

/**
 * Bring a harness report to the fields classification reads. The e1000
 * harness (runtime-c/harness/report.c) says `pass` for verified, gives
 * `app_errors` as an object of counters (xmit busy, config errors, request
 * timeouts, refused frames) and `load_error` when the driver did not come up,
 * `timed_out` when traffic stalled, and per stream (`tx`, `rx`) `errored`
 * (not delivered, reported to the application: an app-visible error),
 * `resent` (retried by the sender, delivered once: not an error) and `lost`,
 * `corrupted`, `duplicated` (unaccounted for).
 */
export function normalizeReport(raw: Record<string, unknown>): HarnessReport {
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  const sum = (v: unknown): number =>
    typeof v === 'number' ? v : v && typeof v === 'object' ? Object.values(v).reduce((n: number, x) => n + num(x), 0) : 0;
  const out: HarnessReport = { ...raw };
  if (typeof raw.verified !== 'boolean' && typeof raw.pass === 'boolean') out.verified = raw.pass;
  const streams = [raw.tx, raw.rx].filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
  const streamSum = (field: string): number => streams.reduce((n, s) => n + num(s[field]), 0);
  out.errored = streamSum('errored');
  out.unaccounted = streamSum('lost') + streamSum('corrupted') + streamSum('duplicated');
  out.app_errors = sum(raw.app_errors) + out.errored + (num(raw.load_error) !== 0 ? 1 : 0);
  if (raw.timed_out === true) out.stalled = true;
  return out;
}

/** A whole file holding one JSON object (the harness's --json output). */
export function parseReportFile(text: string): HarnessReport | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return normalizeReport(value as Record<string, unknown>);
  } catch {
    // cut short by a crash: no report
  }
  return undefined;
}

/** The harness report: the last line of stdout that is a JSON object. */
export function parseReport(stdout: string): HarnessReport | undefined {
  const lines = stdout.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value)) return normalizeReport(value as Record<string, unknown>);
    } catch {
      // not a report line; keep looking
    }
  }
  return undefined;
}

/**
 * The recovery runtime's statistics, when the harness report does not carry
 * them: krecover prints `key: value` lines (`failures: N`, `recoveries: N`)
 * on stderr at exit (KRECOVER_STATS=1).
 */
export function withRecoveryStats(report: HarnessReport | undefined, stderr: string): HarnessReport | undefined {
  if (!report || (report.detected !== undefined && report.recovered !== undefined)) return report;
  const stat = (key: string): number | undefined => {
    const m = new RegExp(`^${key}: (\\d+)$`, 'm').exec(stderr);
    return m ? Number(m[1]) : undefined;
  };
  const out = { ...report };
  out.detected ??= stat('failures');
  out.recovered ??= stat('recoveries');
  return out;
}
