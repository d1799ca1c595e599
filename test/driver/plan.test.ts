// Which command lines fgftc transforms and which it hands to cc unchanged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../compiler/driver/command-line.js';
import { planCommand } from '../../compiler/driver/plan.js';

const scratch = mkdtempSync(join(tmpdir(), 'fgftc-plan-'));
const cwd = process.cwd();
beforeAll(() => {
  for (const f of ['a.c', 'b.c', 'p.i', 'x.S', 'y.s', 'z.o']) writeFileSync(join(scratch, f), '');
  process.chdir(scratch);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

// [args, expected: 'transform: <sources>' or 'passthrough']
const table: Array<[string[], string]> = [
  [['-c', 'a.c'], 'transform: a.c'],
  [['-c', 'a.c', 'b.c'], 'transform: a.c b.c'],
  [['-o', 'prog', 'a.c', 'y.s', 'z.o', '-lm'], 'transform: a.c'],
  [['-c', 'p.i'], 'transform: p.i'],
  [['-E', 'a.c'], 'transform: a.c'],
  [['-S', 'a.c', '-o', 'a.s'], 'transform: a.c'],
  [['-x', 'c', '-c', '-'], 'transform: -'],
  [['-E', '-'], 'transform: -'],
  [['-c', 'a.c', 'z.o', '-o', 'x.o'], 'transform: a.c'], // a linker input does not count for -o
  // Not ours: gcc decides (and reports errors) itself.
  [['-c', 'x.S', 'y.s'], 'passthrough'],
  [['z.o', '-o', 'prog', '-lm'], 'passthrough'],
  [['-E', 'p.i'], 'passthrough'],
  [['-c', 'missing.c'], 'passthrough'],
  [['-c', '.'], 'passthrough'],
  [['-x', 'c', '-c', '/dev/zero', '-o', 'z.o'], 'transform: /dev/zero'], // not a probe: gcc reads it, so does fgftc
  [['-c', '-'], 'passthrough'],
  [['-Werror', '-fno-PIE', '-c', '-x', 'c', '/dev/null', '-o', 't.o'], 'passthrough'],
  [['-c', 'a.c', 'b.c', '-o', 'x.o'], 'passthrough'],
  [['-M', 'a.c'], 'passthrough'],
  [['-MM', '-MG', 'a.c'], 'passthrough'],
  [['-E', '-P', 'a.c'], 'passthrough'],
  [['-E', '-dM', 'a.c'], 'passthrough'],
  [['-fsyntax-only', 'a.c'], 'passthrough'],
  [['-###', '-c', 'a.c'], 'passthrough'],
  [['--version'], 'passthrough'],
  [['-dumpversion'], 'passthrough'],
  [['-print-file-name=include'], 'passthrough'],
  [['-v'], 'passthrough'],
  [[], 'passthrough'],
];

describe('planCommand', () => {
  for (const [args, expected] of table) {
    it(`${args.join(' ') || '(no arguments)'} -> ${expected}`, () => {
      const plan = planCommand(parseCommandLine(args));
      const got = plan.action === 'transform' ? `transform: ${plan.sources.map((s) => s.path).join(' ')}` : 'passthrough';
      expect(got).toBe(expected);
    });
  }
});
