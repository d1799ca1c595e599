// Campaign results on disk: one JSON line per finished trial (appended as
// trials end, so an interrupted campaign resumes where it stopped).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { TrialResult } from './trial.js';

export function readResults(path: string): TrialResult[] {
  if (!existsSync(path)) return [];
  const out: TrialResult[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as TrialResult);
    } catch {
      // a line cut short by a kill: that trial simply runs again
    }
  }
  return out;
}

export function appendResult(path: string, r: TrialResult): void {
  appendFileSync(path, JSON.stringify(r) + '\n');
}

/** Merge result lists: one result per trial ID, the last one seen wins. */
export function mergeResults(lists: readonly (readonly TrialResult[])[]): TrialResult[] {
  const byId = new Map<string, TrialResult>();
  for (const list of lists) for (const r of list) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
