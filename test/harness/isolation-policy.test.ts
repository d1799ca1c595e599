// The isolation policy (MINIX 3 style) and the kernel-API checks, shown with the test driver misbehaving on
// purpose: policy violations are denied, logged and counted while the machine runs on; kernel-API misuse halts
// the machine like a kernel oops (krecover replaces that handler); leaks are reported at unload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExamplePlain, buildTestDriver, exampleExists, removeDir, runHarness, tempDir } from './build.js';

describe('isolation policy and kernel-API checks (test driver)', () => {
  let dir = '';
  let bin = '';
  beforeAll(() => {
    dir = tempDir('policy');
    bin = buildTestDriver(dir);
  });
  afterAll(() => removeDir(dir));

  it.each(['send', 'recv', 'rr', 'config'])('the well-behaved test driver passes the %s workload', (workload) => {
    const run = runHarness(bin, ['--workload', workload, '--frames', '2000', '--devices', '2']);
    const r = run.report!;
    expect(r.pass).toBe(true);
    expect(Object.values(r.denials).every((n) => n === 0)).toBe(true);
  });

  const denied: { misbehave: string; kind: string; count: number; message: RegExp; loadFails: boolean }[] = [
    { misbehave: 'foreign-mmio', kind: 'foreign-mmio', count: 1, message: /readl\(.*\): registers of testdrv 0000:00:04\.0/, loadFails: false },
    { misbehave: 'wild-mmio', kind: 'foreign-mmio', count: 1, message: /not inside any register range/, loadFails: false },
    { misbehave: 'portio', kind: 'api-not-granted', count: 2, message: /outb \(class portio\) is not granted/, loadFails: false },
    { misbehave: 'foreign-pci', kind: 'foreign-device', count: 1, message: /pci_set_master on 0000:00:03\.0/, loadFails: false },
    { misbehave: 'foreign-irq', kind: 'foreign-device', count: 1, message: /request_irq\(12\): interrupt line of another device/, loadFails: true },
    { misbehave: 'foreign-dma', kind: 'foreign-dma', count: 64, message: /device DMA write to .*: buffer of another driver instance/, loadFails: false },
  ];

  it.each(denied)('$misbehave is denied, logged and counted', ({ misbehave, kind, count, message, loadFails }) => {
    const run = runHarness(bin, ['--workload', 'recv', '--frames', '300', '--devices', '2'], { TESTDRV_MISBEHAVE: misbehave });
    expect(run.signal).toBeNull();
    const r = run.report!;
    expect(r.denials[kind]).toBeGreaterThanOrEqual(count);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(new RegExp(`fgft: policy: denied ${kind} to testdrv`));
    expect(r.load_error !== 0).toBe(loadFails);
    expect(r.leaks).toBe(0);
  });

  it('foreign DMA never reaches the other instance: frames are dropped, not written', () => {
    const r = runHarness(bin, ['--workload', 'recv', '--frames', '300', '--devices', '2'], { TESTDRV_MISBEHAVE: 'foreign-dma' }).report!;
    expect(r.rx.delivered).toBeLessThan(300);
    expect(r.rx.corrupted).toBe(0);
    expect(r.device.dma_blocked).toBeGreaterThan(0);
  });

  const crashes: { misbehave: string; workload: string; kind: string; message: RegExp }[] = [
    { misbehave: 'double-free', workload: 'recv', kind: 'double-free', message: /kfree\(0x[0-9a-f]+\): already freed/ },
    { misbehave: 'sleep-in-irq', workload: 'recv', kind: 'sleep-in-atomic', message: /msleep may sleep but called in hard interrupt context/ },
    { misbehave: 'unlock-unlocked', workload: 'send', kind: 'unlock-unlocked', message: /spin_unlock\(&a->lock\): lock not held/ },
  ];

  it.each(crashes)('$misbehave halts the machine like a kernel oops', ({ misbehave, workload, kind, message }) => {
    const run = runHarness(bin, ['--workload', workload, '--frames', '100'], { TESTDRV_MISBEHAVE: misbehave });
    expect(run.signal).toBe('SIGABRT');
    expect(run.stderr).toMatch(new RegExp(`kernel API violation \\(${kind}\\) by testdrv 0000:00:03\\.0`));
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/machine halted/);
    expect(run.report).toBeUndefined();
  });

  it('an interface that disappears makes the application give up after 2 s: frames refused, not lost', () => {
    const run = runHarness(bin, ['--workload', 'send', '--frames', '500'], { TESTDRV_MISBEHAVE: 'detach' });
    const r = run.report!;
    expect(r.tx).toEqual({ offered: 100, delivered: 100, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
    expect(r.app_errors.refused).toBe(400);
    expect(run.stdout).toMatch(/refused 400 \(interface down\)/);
    expect(r.timed_out).toBe(false);
    expect(r.pass).toBe(false);
  });

  it('reports leaked resources at unload and fails the run', () => {
    const run = runHarness(bin, ['--workload', 'send', '--frames', '100', '--devices', '2'], { TESTDRV_MISBEHAVE: 'leak' });
    const r = run.report!;
    expect(r.leaks).toBe(2);
    expect(run.stderr.match(/leak: memory 0x[0-9a-f]+ \(aux 0x40\) owned by testdrv 0000:00:0[34]\.0/g)).toHaveLength(2);
    expect(r.pass).toBe(false);
    expect(run.status).toBe(1);
  });
});

describe.skipIf(!exampleExists())('API grants (example driver)', () => {
  let dir = '';
  let bin = '';
  beforeAll(() => {
    dir = tempDir('grants');
    bin = buildExamplePlain(dir);
  });
  afterAll(() => removeDir(dir));

  it.each([
    { klass: 'irq', api: 'request_irq' },
    { klass: 'dma', api: 'dma_set_mask' },
    { klass: 'mmio', api: '(readl|writel)' },
  ])('a driver not granted $klass is refused $api and does not come up', ({ klass, api }) => {
    const run = runHarness(bin, ['--workload', 'send', '--frames', '100', '--deny', klass]);
    expect(run.signal).toBeNull();
    const r = run.report!;
    expect(r.denials['api-not-granted']).toBeGreaterThan(0);
    expect(run.stderr).toMatch(new RegExp(`denied api-not-granted to e1000 0000:00:03\\.0: ${api} \\(class ${klass}\\) is not granted`));
    expect(r.load_error).not.toBe(0);
    expect(r.leaks).toBe(0);
    expect(run.status).toBe(1);
  });
});
