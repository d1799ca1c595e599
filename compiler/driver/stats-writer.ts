// --stats=FILE: one JSON line per translation unit, appended (parallel make
// jobs append to the same file; one small write per line keeps lines whole).
// --stats=-: the same lines on stderr.
import { appendFileSync, writeSync } from 'node:fs';
import type { UnitStats } from '../stats.js';
import { withFileErrors } from './file-errors.js';

export function writeStats(path: string, stats: UnitStats): void {
  const line = JSON.stringify(stats) + '\n';
  if (path === '-') writeSync(2, line);
  else withFileErrors('write statistics to', path, () => appendFileSync(path, line));
}
