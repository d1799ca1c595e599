// --stats=FILE: one JSON line per translation unit, appended (parallel make
// jobs append to the same file; one small write per line keeps lines whole).
// --stats=-: the same lines on the driver's stderr.
import { appendFileSync } from 'node:fs';
import type { UnitStats } from '../stats.js';
import { withFileErrors } from './file-errors.js';

export function writeStats(path: string, stats: UnitStats, writeStderr: (text: string) => void): void {
  const line = JSON.stringify(stats) + '\n';
  if (path === '-') writeStderr(line);
  else withFileErrors('write statistics to', path, () => appendFileSync(path, line));
}
