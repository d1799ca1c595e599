// The conformance corpus: every case in cases/ states its expected outcome in
// its first line; each runs through fgftc and gcc with and without the check
// optimizer, and both must give the stated outcome.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Harness, parseExpectation, parseFailMode, pool, readCase, WIDTH, type Outcome } from './harness.js';

const DIR = join(import.meta.dirname, 'cases');
const files = readdirSync(DIR).filter((f) => f.endsWith('.c')).sort();
const harness = new Harness();
const results = new Map<string, { opt: Outcome; noopt: Outcome }>();

beforeAll(async () => {
  await pool(files, WIDTH, async (f) => {
    const path = join(DIR, f);
    const pre = await harness.preprocess(path);
    const mode = parseFailMode(readCase(path));
    const opt = await harness.runCase(path, true, pre, mode);
    const noopt = await harness.runCase(path, false, pre, mode);
    results.set(f, { opt, noopt });
  });
}, 600_000);

function verify(src: string, o: Outcome): void {
  const want = parseExpectation(src);
  if (want.kind === 'compile-error') {
    expect(o.errors.length, 'expected a compile-time error').toBeGreaterThan(0);
    expect(o.errors[0].line).toBe(want.line);
    expect(o.errors[0].message).toContain(want.fragment);
    return;
  }
  expect(o.errors, 'unexpected compile-time errors').toEqual([]);
  expect(o.compileOutput, 'instrumented code must build with -Wall -Wextra -Werror').toBeUndefined();
  if (want.kind === 'runtime-fail') {
    expect(o.exitCode, `should fail: stdout=${o.stdout}`).not.toBe(0);
    expect(o.stderr).toMatch(new RegExp(`:${want.line}: fgftc: ${want.check} check failed`));
    return;
  }
  if (want.kind === 'logged') {
    // Log mode: the program runs to its end and each failing site is reported once.
    expect(o.exitCode).toBe(0);
    expect(o.stdout).toBe(want.output);
    const reports = (o.stderr ?? '').split('\n').filter((l) => l.includes('check failed'));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(new RegExp(`:${want.line}: fgftc: ${want.check} check failed`));
    return;
  }
  if (want.kind === 'unchanged') expect(o.unchanged, 'an unannotated program must not be changed').toBe(true);
  expect(o.stderr).toBe('');
  expect(o.exitCode).toBe(0);
  expect(o.stdout).toBe(want.output);
}

describe('conformance corpus', () => {
  it('has at least 200 cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
  });
  it.each(files)('%s (optimized)', (f) => verify(readCase(join(DIR, f)), results.get(f)!.opt));
  it.each(files)('%s (no optimizer)', (f) => verify(readCase(join(DIR, f)), results.get(f)!.noopt));
  it('the optimizer removes checks somewhere, and never adds failures', () => {
    const removed = [...results.values()].reduce((n, r) => n + r.opt.checksRemoved, 0);
    expect(removed).toBeGreaterThan(0);
  });
});
