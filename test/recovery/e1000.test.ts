// krecover with the example e1000 driver in the harness: traffic runs, the
// driver is made to fail (one row per detection cause), and recovery must
// leave the machine running with nothing leaked. With `restart` the device
// comes back and every frame is delivered or reported dropped by krecover.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildE1000Harness, harnessReport, runScenario, scratchDir } from './helpers.js';

let exe = '';

beforeAll(() => {
  exe = buildE1000Harness(scratchDir());
});

const traffic = ['--workload', 'send', '--frames', '2000', '--seed', '1'];

function run(commands: string, args: string[] = traffic, harness = exe) {
  const r = runScenario(harness, args, {
    KRECOVER: `r 1; w 100 0; ${commands}`,
    KRECOVER_STATS: '1',
    FGFT_CHECK_MODE: 'recover',
  });
  expect(r.signal, r.stderr).toBeNull(); // the machine survived
  return { ...r, report: harnessReport(r.stdout) };
}

describe('without a failure', () => {
  it('the stubbed driver passes every workload', () => {
    for (const workload of ['send', 'recv', 'rr', 'config']) {
      const r = run('p restart', ['--workload', workload, '--frames', '1000', '--seed', '2']);
      expect(r.report.verdict, `${workload}\n${r.stdout}`).toBe('PASS');
      expect(r.values.get('failures')).toBe('0');
    }
  });
});

describe('the seed scenario: recovery on, traffic, msglevel 1000', () => {
  it('unload: the driver fails, is unloaded, the statistics show it', () => {
    const r = run('p unload', [...traffic, '--msglevel-at', '500:1000']);
    expect(r.stderr).toContain('krecover: driver failed in e1000_set_msglevel: trigger');
    expect(r.values.get('failures.trigger')).toBe('1');
    expect(r.values.get('recoveries')).toBe('1');
    expect(r.values.get('driver')).toBe('unloaded');
    expect(Number(r.values.get('resources-released'))).toBeGreaterThan(0);
    expect(r.report.leaks).toBe(0);
    expect(r.report.violations).toBe(0);
    expect(r.report.delivered).toBe(500);
  });

  it('restart: the driver comes back configured and the workload completes', () => {
    const r = run('p restart', [...traffic, '--ring-size-at', '200:128', '--mtu-at', '300:4000', '--msglevel-at', '500:1000']);
    expect(r.values.get('failures.trigger')).toBe('1');
    expect(r.values.get('restarts')).toBe('1');
    expect(r.values.get('driver')).toBe('loaded');
    expect(r.report.delivered).toBe(2000);
    expect(r.report.verdict).toBe('PASS');
  });
});

interface Cause {
  command: string;
  counter: string;
  violations: number; // kernel-API violations the shim itself counts
}

const causes: Cause[] = [
  { command: 'f e1000_xmit_frame 300', counter: 'failures.probe', violations: 0 },
  { command: 'q 20000', counter: 'failures.quota', violations: 0 },
  { command: 'i segv e1000_xmit_frame 300', counter: 'failures.sigsegv', violations: 0 },
  { command: 'i bus e1000_clean 100', counter: 'failures.sigbus', violations: 0 },
  { command: 'i fpe e1000_intr 100', counter: 'failures.sigfpe', violations: 0 },
  { command: 'i ill e1000_clean_rx_irq 50', counter: 'failures.sigill', violations: 0 },
  { command: 'i hang e1000_clean 100', counter: 'failures.hang', violations: 0 },
  { command: 'w 0 50; i stall e1000_clean 100', counter: 'failures.hang', violations: 0 }, // simulated time
  { command: 'i check e1000_xmit_frame 300', counter: 'failures.check', violations: 0 },
  { command: 'i misuse e1000_xmit_frame 300', counter: 'failures.api-misuse', violations: 1 },
];

describe('each detection cause during traffic, policy restart', () => {
  it.each(causes)('$command', ({ command, counter, violations }) => {
    const r = run(`p restart; ${command}`);
    expect(r.values.get(counter)).toBe('1');
    expect(r.values.get('failures')).toBe('1');
    expect(r.values.get('restarts')).toBe('1');
    expect(r.report.leaks).toBe(0);
    expect(r.report.violations).toBe(violations);
    // Every frame the application offered was delivered, or krecover dropped
    // it from the failed driver's ring and reported it (a frame already on
    // the wire can be both).
    const dropped = Number(r.values.get('frames-dropped'));
    expect(r.report.lost).toBeLessThanOrEqual(dropped);
    expect(r.report.delivered + dropped).toBeGreaterThanOrEqual(r.report.offered);
    expect(r.report.offered).toBe(2000);
    // Traffic flowed again after the restart.
    expect(r.report.delivered).toBeGreaterThan(1500);
  });
});

describe('under AddressSanitizer: no invalid access, no leak', () => {
  let asan = '';
  beforeAll(() => {
    asan = buildE1000Harness(scratchDir(), ['-fsanitize=address', '-fno-omit-frame-pointer']);
  });
  const rows = [
    { name: 'seed scenario, unload', commands: 'p unload', extra: ['--msglevel-at', '500:1000'] },
    { name: 'seed scenario, restart', commands: 'p restart', extra: ['--msglevel-at', '500:1000'] },
    { name: 'SIGSEGV in xmit, restart', commands: 'p restart; i segv e1000_xmit_frame 300', extra: [] },
    { name: 'fault in the NAPI poll, restart', commands: 'p restart; f e1000_clean 100', extra: [] },
    { name: 'API misuse, restart', commands: 'p restart; i misuse e1000_xmit_frame 300', extra: [] },
  ];
  it.each(rows)('$name', ({ commands, extra }) => {
    const r = run(commands, [...traffic, ...extra], asan);
    expect(r.stderr).not.toMatch(/Sanitizer/);
    expect(r.values.get('recoveries')).toBe('1');
    expect(r.report.leaks).toBe(0);
  });
});
