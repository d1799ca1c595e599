// C unit checks (the tracker/violation/policy API as krecover uses it; the 82540EM model poked directly), and
// the harness command line.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRuntime, buildTestDriver, removeDir, ROOT, RUNTIME, runHarness, tempDir } from './build.js';

describe('C unit checks', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('unit');
    buildRuntime();
  });
  afterAll(() => removeDir(dir));

  it.each([
    { name: 'resource tracker, violation handler and policy API', source: 'track_test.c', checks: 20 },
    { name: 'e1000 device model registers, link, interrupts and DMA', source: 'model_test.c', checks: 31 },
  ])('$name', ({ source, checks }) => {
    const bin = path.join(dir, source.replace('.c', ''));
    execFileSync('gcc', ['-std=c11', '-Wall', '-Wextra', '-Werror', '-O1', `-I${path.join(RUNTIME, 'include')}`,
      path.join(ROOT, 'test/harness', source), `-L${path.join(RUNTIME, 'build')}`, '-lfgftsim', '-o', bin]);
    const r = spawnSync(bin, [], { encoding: 'utf8' });
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.stdout).toMatch(/all passed/);
    expect(r.stdout.match(/^ok /gm)?.length).toBe(checks);
    expect(r.status).toBe(0);
  });
});

describe('harness command line', () => {
  let dir = '';
  let bin = '';
  beforeAll(() => {
    dir = tempDir('cli');
    bin = buildTestDriver(dir);
  });
  afterAll(() => removeDir(dir));

  it.each([
    { args: ['--workload', 'stream'], message: /^testdrv-harness: error: unknown workload 'stream' \(expected send, recv, rr or config\)$/m },
    { args: ['--frames', '0'], message: /^testdrv-harness: error: invalid frame count '0'$/m },
    { args: ['--frames'], message: /^testdrv-harness: error: option '--frames' needs a value$/m },
    { args: ['--device-fault', 'meltdown'], message: /^testdrv-harness: error: unknown device fault in 'meltdown'/m },
    { args: ['--mtu-at', '100'], message: /^testdrv-harness: error: expected FRAME:VALUE, got '100'$/m },
    { args: ['--deny', 'everything'], message: /^testdrv-harness: error: unknown policy class in 'everything'$/m },
    { args: ['--bogus'], message: /^testdrv-harness: error: unknown option '--bogus'$/m },
    { args: ['--devices', '9'], message: /^testdrv-harness: error: invalid device count '9' \(1 to 4\)$/m },
    // the test driver's harness has no recovery runtime linked in
    { args: ['--krecover', 'r 1'], message: /^testdrv-harness: error: --krecover 'r 1': this harness has no recovery runtime \(build it with make KRECOVER=1\)$/m },
  ])('rejects $args with a gcc-style error and status 2', ({ args, message }) => {
    const r = spawnSync(bin, args, { encoding: 'utf8' });
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });

  it('accepts --name=value forms and prints help', () => {
    const run = runHarness(bin, ['--workload=rr', '--frames=50', '--seed=9']);
    expect(run.report!.workload).toBe('rr');
    expect(run.report!.frames).toBe(50);
    expect(run.report!.seed).toBe(9);
    const help = spawnSync(bin, ['--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/usage: testdrv-harness --workload send\|recv\|rr\|config/);
    expect(help.status).toBe(0);
  });
});
