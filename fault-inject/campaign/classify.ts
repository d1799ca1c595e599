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
    return r.verified !== false && (r.app_errors ?? 0) === 0 ? 'recovered-transparent' : 'recovered-app-error';
  }
  if (r.verified === false) return 'silent-corruption';
  if (leaked) return 'leak';
  return 'no-effect';
}

/** The harness report: the last line of stdout that is a JSON object. */
export function parseReport(stdout: string): HarnessReport | undefined {
  const lines = stdout.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as HarnessReport;
    } catch {
      // not a report line; keep looking
    }
  }
  return undefined;
}
