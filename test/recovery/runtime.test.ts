// The recovery runtime end to end, without the kernel shim: a small driver
// (c/mini_drv.c) goes through fgftc's stubs and bounds passes, is compiled with gcc
// -Wall -Wextra -Werror and linked with runtime-c/krecover; each scenario of
// c/recovery_main.c faults it one way and the statistics must show it.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildMiniDriverProgram, runScenario, scratchDir } from './helpers.js';

let exe = '';
let dir = '';

beforeAll(() => {
  dir = scratchDir();
  exe = buildMiniDriverProgram(dir);
});

describe('failure causes: the driver fails, is unloaded, the program survives', () => {
  const causes: { scenario: string; counter: string }[] = [
    { scenario: 'trigger', counter: 'failures.trigger' },
    { scenario: 'sigsegv', counter: 'failures.sigsegv' },
    { scenario: 'sigfpe', counter: 'failures.sigfpe' },
    { scenario: 'sigill', counter: 'failures.sigill' },
    { scenario: 'sigbus', counter: 'failures.sigbus' },
    { scenario: 'hang', counter: 'failures.hang' },
    { scenario: 'check', counter: 'failures.check' },
  ];
  it.each(causes)('$scenario', ({ scenario, counter }) => {
    const r = runScenario(exe, [scenario]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.values.get(counter)).toBe('1');
    expect(r.values.get('failures')).toBe('1');
    expect(r.values.get('recoveries')).toBe('1');
    expect(r.values.get('driver')).toBe('unloaded');
    expect(r.values.get('released')).toBe('2');
    // SafeDrive: after the failure the driver is gone and later calls fail
    // cleanly with the stub's failure value, without running driver code.
    expect(r.values.get('after-failure-xmit')).toBe('-5');
    expect(r.values.get('refused-calls')).toBe('1');
    expect(r.values.get('recovery')).toBe('off');
    expect(r.values.get('depth')).toBe('0');
  });
});

describe('control interface and stubs', () => {
  it('a fault in a nested entry unwinds to the outermost stub', () => {
    const r = runScenario(exe, ['nested']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.values.get('nested')).toBe('-5');
    expect(r.values.get('failures.sigsegv')).toBe('1');
    expect(r.values.get('depth')).toBe('0');
  });

  it('f FUNCTION OFFSET fails the (OFFSET+1)-th entry of an interrupt handler', () => {
    const r = runScenario(exe, ['irq']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.values.get('irq1')).toBe('6'); // 5 + opened
    expect(r.values.get('irq2')).toBe('-5');
    expect(r.values.get('failures.probe')).toBe('1');
  });

  it('q N fails at the N-th run-time check the driver executes', () => {
    const r = runScenario(exe, ['quota']);
    expect(r.status, r.stderr).toBe(0);
    // q 5, then five transmits, each executing one bounds check: the fifth check fails the fifth transmit
    expect(r.values.get('failures.quota')).toBe('1');
    expect(r.values.get('quota-remaining')).toBe('0');
    expect(r.values.get('last')).toBe('-5');
  });

  it('a pointer-returning entry point fails with NULL', () => {
    const r = runScenario(exe, ['null-return']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/lookup-null=1\n.*lookup-null=1/s);
  });

  it('with recovery off kr_trigger_fault is ignored', () => {
    const r = runScenario(exe, ['recovery-off']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.values.get('still-running')).toBe('1');
    expect(r.values.get('recoveries')).toBe('0');
    expect(r.stderr).toMatch(/recovery off/);
  });

  it('a fault outside the driver still crashes the program', () => {
    const r = runScenario(exe, ['outside-driver']);
    expect(r.signal).toBe('SIGSEGV');
    expect(r.values.has('not-reached')).toBe(false);
  });

  it('restart policy restarts until the per-window limit, then disables the driver', () => {
    const r = runScenario(exe, ['restart']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.values.get('round0-xmit')).toBe('6');
    expect(r.values.get('round1-xmit')).toBe('6');
    expect(r.values.get('round2-xmit')).toBe('-5'); // third failure within the window
    expect(r.values.get('restarts')).toBe('2');
    expect(r.values.get('driver')).toBe('disabled');
    expect(r.values.get('failures.trigger')).toBe('3');
  });

  it('commands from a watched file and from the environment', () => {
    const file = join(dir, 'krecover.ctl');
    const r = runScenario(exe, ['watch-file', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.values.get('watched-xmit')).toBe('-5');
    expect(r.values.get('failures.probe')).toBe('1');

    const env = runScenario(exe, ['recovery-off'], { KRECOVER: 'r 1; p restart' });
    expect(env.values.get('failures.trigger')).toBe('1');
    expect(env.values.get('driver')).toBe('restart-pending');
  });
});

describe('under AddressSanitizer (leaks included)', () => {
  let asanExe = '';
  beforeAll(() => {
    asanExe = buildMiniDriverProgram(scratchDir(), ['-fsanitize=address', '-fno-omit-frame-pointer', '-g', '-O1']);
  });
  const scenarios = ['trigger', 'sigsegv', 'sigfpe', 'sigill', 'sigbus', 'hang', 'check', 'nested', 'restart', 'quota'];
  it.each(scenarios)('%s: recovered, nothing reported', (scenario) => {
    const r = runScenario(asanExe, [scenario], { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).not.toMatch(/Sanitizer/);
    expect(r.status).toBe(0);
    expect(Number(r.values.get('recoveries'))).toBeGreaterThan(0);
  });
});
