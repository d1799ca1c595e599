// The example e1000 driver built through fgftc (its Makefile's default compiler) passes every workload on the
// harness with nothing lost, corrupted, duplicated or leaked, like the plain build. Whether fgftc builds the
// example is test/e1000-example's business: if it does not, these tests are skipped with the compiler's error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntime, EXAMPLE, exampleExists, removeDir, ROOT, runHarness, tempDir } from './build.js';

const fgftcBuilt = existsSync(path.join(ROOT, 'dist', 'compiler', 'cli.js'));
const FRAMES = 2000;

describe.skipIf(!exampleExists() || !fgftcBuilt)('example e1000 driver (fgftc build) on the harness', () => {
  let dir = '';
  let bin = '';
  let buildError = '';
  beforeAll(() => {
    buildRuntime();
    dir = tempDir('e1000-fgftc');
    bin = path.join(dir, 'e1000-harness');
    const r = spawnSync('make', ['-s', '-C', EXAMPLE, `BUILD=${path.join(dir, 'obj')}`, `BIN=${bin}`, bin], { encoding: 'utf8' });
    if (r.status !== 0) {
      buildError = r.stderr.split('\n').find((l) => /error/.test(l)) ?? r.stderr.slice(0, 200);
      console.warn(`skipping: the fgftc build of examples/e1000 failed: ${buildError}`);
    }
  });
  afterAll(() => removeDir(dir));

  it.each([
    { workload: 'send', tx: FRAMES, rx: 0 },
    { workload: 'recv', tx: 0, rx: FRAMES },
    { workload: 'rr', tx: FRAMES, rx: FRAMES },
    { workload: 'config', tx: FRAMES, rx: FRAMES },
  ])('$workload: zero lost, corrupted, duplicated; no leaks', ({ workload, tx, rx }, ctx) => {
    if (buildError) ctx.skip(`fgftc build failed: ${buildError}`);
    const run = runHarness(bin, ['--workload', workload, '--frames', String(FRAMES), '--seed', '4']);
    const r = run.report!;
    expect(r.tx).toEqual({ offered: tx, delivered: tx, lost: 0, corrupted: 0, duplicated: 0 });
    expect(r.rx).toEqual({ offered: rx, delivered: rx, lost: 0, corrupted: 0, duplicated: 0 });
    expect(r.leaks).toBe(0);
    expect(r.pass).toBe(true);
    expect(run.status).toBe(0);
  });
});
