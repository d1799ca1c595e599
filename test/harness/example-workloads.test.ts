// The example e1000 driver, built plain, runs every workload on the simulated machine with every frame
// accounted for: nothing lost, corrupted or duplicated, nothing leaked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExamplePlain, exampleExists, removeDir, runHarness, tempDir } from './build.js';

const FRAMES = 3000;

describe.skipIf(!exampleExists())('example e1000 driver (plain build) on the harness', () => {
  let dir = '';
  let bin = '';
  beforeAll(() => {
    dir = tempDir('e1000');
    bin = buildExamplePlain(dir);
  });
  afterAll(() => removeDir(dir));

  const cases: { name: string; args: string[]; tx: number; rx: number }[] = [
    { name: 'send stream', args: ['--workload', 'send'], tx: FRAMES, rx: 0 },
    { name: 'receive stream', args: ['--workload', 'recv'], tx: 0, rx: FRAMES },
    { name: 'request/response', args: ['--workload', 'rr'], tx: FRAMES, rx: FRAMES },
    { name: 'configuration changes (default schedule)', args: ['--workload', 'config'], tx: FRAMES, rx: FRAMES },
    {
      name: 'configuration changes on the command line',
      args: ['--workload', 'config', '--ring-size-at', '500:256', '--mtu-at', '1500:9000', '--msglevel-at', '2500:3', '--ring-size-at', '4000:80', '--mtu-at', '5000:1500'],
      tx: FRAMES,
      rx: FRAMES,
    },
    { name: 'send with a second seed', args: ['--workload', 'send', '--seed', '77'], tx: FRAMES, rx: 0 },
    { name: 'suspend and resume during traffic', args: ['--workload', 'config', '--suspend-at', '3000'], tx: FRAMES, rx: FRAMES },
  ];

  it.each(cases)('$name: zero lost, corrupted, duplicated; no leaks', ({ args, tx, rx }) => {
    const run = runHarness(bin, [...args, '--frames', String(FRAMES)]);
    expect(run.stderr).not.toMatch(/violation|leak:/);
    const r = run.report!;
    expect(r.load_error).toBe(0);
    expect(r.tx).toEqual({ offered: tx, delivered: tx, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
    expect(r.rx).toEqual({ offered: rx, delivered: rx, lost: 0, corrupted: 0, duplicated: 0, errored: 0, resent: 0 });
    expect(r.leaks).toBe(0);
    expect(Object.values(r.violations).every((n) => n === 0)).toBe(true);
    expect(r.app_errors.config_errors).toBe(0);
    expect(r.changes.every((c) => c.applied && c.result === 0)).toBe(true);
    // the driver's own counters (ndo_get_stats64) agree with the harness
    expect(r.driver_stats.tx_packets).toBe(tx);
    expect(r.driver_stats.rx_packets).toBe(rx);
    expect(r.driver).toBe('e1000');
    expect(r.pass).toBe(true);
    expect(run.status).toBe(0);
  });

  it('prints a short table a person reads at a glance', () => {
    const run = runHarness(bin, ['--workload', 'send', '--frames', '500']);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(run.stdout).toMatch(/send\s+500\s+500\s+0\s+0\s+0/);
    expect(run.stdout).toMatch(/frames\/s/);
    expect(run.stdout).toMatch(/verdict\s+PASS/);
  });

  it('runs at the wire speed of a 1 Gb/s link in simulated time', () => {
    const r = runHarness(bin, ['--workload', 'send', '--frames', '2000']).report!;
    expect(r.mbit_per_s).toBeGreaterThan(900);
    expect(r.mbit_per_s).toBeLessThan(1000);
    // link-up takes the ~0.5 s auto-negotiation of real hardware
    expect(r.sim_ns - r.traffic_ns).toBeGreaterThan(500_000_000);
  });

  it('is reproducible from the seed', () => {
    const strip = (r: Record<string, unknown>) => {
      const { wall_ns: _w, wall_us_per_frame: _u, ...rest } = r;
      return rest;
    };
    const a = runHarness(bin, ['--workload', 'config', '--frames', '800', '--seed', '5', '--device-fault', 'lost-irq']).report!;
    const b = runHarness(bin, ['--workload', 'config', '--frames', '800', '--seed', '5', '--device-fault', 'lost-irq']).report!;
    expect(strip(a as unknown as Record<string, unknown>)).toEqual(strip(b as unknown as Record<string, unknown>));
  });
});
