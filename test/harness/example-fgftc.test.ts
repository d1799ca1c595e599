// The example e1000 driver built through fgftc (its Makefile's default compiler) passes every workload on the
// harness with nothing lost, corrupted, duplicated or leaked, like the plain build. A failed fgftc build of the
// example fails these tests (it is never a reason to skip them): run `npm run build` first.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntime, EXAMPLE, exampleExists, removeDir, runHarness, tempDir } from './build.js';

const FRAMES = 2000;

describe.skipIf(!exampleExists())('example e1000 driver (fgftc build) on the harness', () => {
  let dir = '';
  let bin = '';
  beforeAll(() => {
    buildRuntime();
    dir = tempDir('e1000-fgftc');
    bin = path.join(dir, 'e1000-harness');
    const r = spawnSync('make', ['-s', '-C', EXAMPLE, `BUILD=${path.join(dir, 'obj')}`, `BIN=${bin}`, bin], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`the fgftc build of examples/e1000 failed:\n${r.stdout}\n${r.stderr}`);
  });
  afterAll(() => removeDir(dir));

  it.each([
    { workload: 'send', tx: FRAMES, rx: 0 },
    { workload: 'recv', tx: 0, rx: FRAMES },
    { workload: 'rr', tx: FRAMES, rx: FRAMES },
    { workload: 'config', tx: FRAMES, rx: FRAMES },
  ])('$workload: zero lost, corrupted, duplicated; no leaks', ({ workload, tx, rx }) => {
    const run = runHarness(bin, ['--workload', workload, '--frames', String(FRAMES), '--seed', '4']);
    const r = run.report!;
    expect(r.tx).toEqual({ offered: tx, delivered: tx, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
    expect(r.rx).toEqual({ offered: rx, delivered: rx, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
    expect(r.leaks).toBe(0);
    expect(r.pass).toBe(true);
    expect(run.status).toBe(0);
  });
});
