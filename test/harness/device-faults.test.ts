// Each device-fault mode of the e1000 model, under the example driver: the fault fires (its counter moves),
// the machine survives, and every frame is accounted for as delivered, lost or corrupted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExamplePlain, exampleExists, removeDir, runHarness, tempDir, type HarnessReport } from './build.js';

const ARGS = ['--workload', 'config', '--frames', '3000', '--seed', '2'];

function accounted(r: HarnessReport): void {
  for (const s of [r.tx, r.rx]) {
    expect(s.offered).toBe(s.delivered + s.lost + s.corrupted);
  }
}

describe.skipIf(!exampleExists())('device-fault modes', () => {
  let dir = '';
  let bin = '';
  beforeAll(() => {
    dir = tempDir('faults');
    bin = buildExamplePlain(dir);
  });
  afterAll(() => removeDir(dir));

  const cases: { mode: string; counter: string; check: (r: HarnessReport) => void }[] = [
    {
      mode: 'stuck-reg',
      counter: 'stuck_reads',
      // reads return a frozen snapshot for 2 ms; the driver rides it out
      check: (r) => expect(r.tx.delivered + r.rx.delivered).toBeGreaterThan(5000),
    },
    {
      mode: 'garbage-reg',
      counter: 'garbage_reads',
      check: (r) => expect(r.tx.delivered + r.rx.delivered).toBeGreaterThan(5000),
    },
    {
      mode: 'lost-irq',
      counter: 'irqs_lost',
      // causes stay latched in ICR, so the next interrupt picks up the lost work: nothing is lost
      check: (r) => {
        expect(r.tx.lost + r.rx.lost).toBe(0);
        expect(r.pass).toBe(true);
      },
    },
    {
      mode: 'dma-stale',
      counter: 'stale_dma',
      // the IOMMU blocks every write to a released buffer: those frames are lost, nothing is corrupted
      check: (r) => {
        expect(r.device.dma_blocked).toBe(r.device.stale_dma);
        expect(r.rx.lost).toBe(r.device.stale_dma);
        expect(r.rx.corrupted).toBe(0);
        expect(r.pass).toBe(false);
      },
    },
    {
      mode: 'link-flap',
      counter: 'link_flaps',
      // three flaps; a frame on the wire when the link drops is gone, the rest goes out after it returns
      check: (r) => {
        expect(r.device.link_flaps).toBe(3);
        expect(r.tx.lost).toBe(r.device.tx_link_down_drops);
        expect(r.tx.delivered + r.rx.delivered).toBeGreaterThan(5900);
      },
    },
  ];

  it.each(cases)('$mode fires, is counted, and the run completes', ({ mode, counter, check }) => {
    const run = runHarness(bin, [...ARGS, '--device-fault', mode]);
    expect(run.signal).toBeNull();
    expect([0, 1]).toContain(run.status);
    const r = run.report!;
    expect(r.device_faults).toBe(mode);
    expect(r.device[counter]).toBeGreaterThan(0);
    expect(r.load_error).toBe(0);
    expect(r.leaks).toBe(0);
    accounted(r);
    check(r);
    expect(run.status).toBe(r.pass ? 0 : 1);
  });

  it('without faults the same run is clean', () => {
    const r = runHarness(bin, ARGS).report!;
    expect(r.pass).toBe(true);
    for (const c of cases) expect(r.device[c.counter]).toBe(0);
  });

  it('request/response across link flaps: a lost request is a timeout, later responses still count', () => {
    const r = runHarness(bin, ['--workload', 'rr', '--frames', '5000', '--seed', '7', '--device-fault', 'link-flap']).report!;
    expect(r.device.link_flaps).toBe(3);
    expect(r.tx.lost).toBeGreaterThan(0);
    expect(r.app_errors.rr_timeouts).toBe(r.tx.lost);
    expect(r.rx).toEqual({ offered: 5000 - r.tx.lost, delivered: 5000 - r.tx.lost, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
    expect(r.timed_out).toBe(false);
  });

  it('request/response with lost interrupts: answers wait in the ring until the next interrupt', () => {
    const r = runHarness(bin, ['--workload', 'rr', '--frames', '1000', '--seed', '1', '--device-fault', 'lost-irq']).report!;
    expect(r.device.irqs_lost).toBeGreaterThan(0);
    expect(r.app_errors.rr_timeouts).toBeGreaterThan(0);
    expect(r.rx.delivered).toBe(1000);
    expect(r.timed_out).toBe(false);
  });

  it('combines modes', () => {
    const r = runHarness(bin, [...ARGS, '--device-fault', 'lost-irq,link-flap']).report!;
    expect(r.device_faults).toBe('lost-irq,link-flap');
    expect(r.device.irqs_lost).toBeGreaterThan(0);
    expect(r.device.link_flaps).toBe(3);
    accounted(r);
  });
});
