// krecover on the simulated machine (runtime-c/shim): a PCI network driver
// (c/shim_drv.c) built through fgftc's stubs pass holds one of every tracked
// resource type, is given frames, and is made to fail one way per row, under
// each policy. The machine must survive, the tracker must be empty after
// recovery and at the end, every frame must be sent, reported dropped, or
// handed back (busy), and with `restart` the device must come back configured.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildShimDriverProgram, runScenario, scratchDir } from './helpers.js';

interface Way {
  how: number;
  cause: string;
  extra: number; // resources acquired in the failing call itself (held lock, queued work)
  what: string;
}

const ways: Way[] = [
  { how: 0, cause: 'trigger', extra: 0, what: 'kr_trigger_fault()' },
  { how: 1, cause: 'sigsegv', extra: 0, what: 'NULL dereference' },
  { how: 2, cause: 'trigger', extra: 1, what: 'fault holding a spinlock' },
  { how: 3, cause: 'trigger', extra: 1, what: 'fault holding a mutex' },
  { how: 4, cause: 'api-misuse', extra: 0, what: 'double kfree' },
  { how: 5, cause: 'hang', extra: 0, what: 'endless loop' },
  { how: 6, cause: 'check', extra: 0, what: 'failed bounds check' },
  { how: 7, cause: 'sigfpe', extra: 1, what: 'division by zero with work queued' },
  // The release drops held locks before it cancels the work: no sleep in atomic context.
  { how: 8, cause: 'trigger', extra: 2, what: 'fault holding a spinlock, work queued after it' },
];

const resourceTypes = [
  'memory', 'irq', 'dma-coherent', 'dma-mapping', 'io-mapping', 'pci-enable', 'pci-regions', 'pci-driver',
  'net-device', 'net-device-registration', 'napi', 'timer', 'sk_buff',
];

function check(r: ReturnType<typeof runScenario>, way: Way, policy: string): void {
  const v = (k: string): number => Number(r.values.get(k));
  expect(r.status, r.stderr).toBe(0);
  expect(v(`failures.${way.cause}`)).toBe(1);
  expect(v('failures')).toBe(1);
  for (const t of resourceTypes) expect(v(`before.${t}`), t).toBeGreaterThan(0);
  expect(v('after.total')).toBe(0);
  expect(v('resources-released')).toBe(v('before.total') + way.extra);
  expect(v('end.total')).toBe(0);
  expect(v('sent') + v('dropped') + v('busy')).toBe(v('given'));
  expect(v('dropped')).toBe(4); // the frames still in the driver's ring
  // Compensation broke no kernel rule: nothing slept holding a lock, every mapping was unmapped as mapped.
  expect(v('sleep-in-atomic')).toBe(0);
  expect(v('dma-unmap-mismatches')).toBe(0);
  if (policy === 'unload') {
    expect(r.values.get('driver')).toBe('unloaded');
    expect(v('busy')).toBe(6); // later frames refused cleanly
  } else {
    expect(v('restarts')).toBe(1);
    expect(v('up')).toBe(1);
    // Configuration replayed; the failing msglevel 1000+N was not recorded.
    expect(v('msglevel')).toBe(7);
    expect([v('rx_ring'), v('tx_ring'), v('mtu'), v('promisc')]).toEqual([512, 128, 1400, 1]);
    expect(v('busy')).toBe(0);
    expect(v('restarted.total')).toBe(v('before.total'));
  }
}

let exe = '';
let asanExe = '';

beforeAll(() => {
  exe = buildShimDriverProgram(scratchDir());
  asanExe = buildShimDriverProgram(scratchDir(), ['-fsanitize=address', '-fno-omit-frame-pointer']);
});

describe.each(['unload', 'restart'])('policy %s', (policy) => {
  it.each(ways)('$what ($cause)', (way) => {
    check(runScenario(exe, [policy, String(way.how)]), way, policy);
  });
});

// A driver that goes wrong again while krecover restarts it (Nooks/MINIX restart policy): each failed
// attempt is abandoned and what it acquired released (with the driver refusing entry, so no compensation
// runs driver code), then retried after a back-off in simulated time (10, 20, ... ms), every attempt
// counting against the limit of 3 per window; past it the driver is disabled, and the statistics say so.
interface Retry {
  how: number;
  what: string;
  failures: number; // driver failures in all (the first one and those during restarts)
  restartFailures: number;
  retries: number;
  recoveryFaults: number; // failures while the restart ran driver code
  restarts: number;
  driver: string;
}

const retries: Retry[] = [
  { how: 9, what: 'two re-probes fail, the third attempt succeeds', failures: 3, restartFailures: 2, retries: 2, recoveryFaults: 2, restarts: 1, driver: 'loaded' },
  { how: 10, what: 'every re-probe fails: disabled after 3 attempts', failures: 4, restartFailures: 3, retries: 2, recoveryFaults: 3, restarts: 0, driver: 'disabled' },
  { how: 11, what: 'two re-probes return -EIO, the third attempt succeeds', failures: 1, restartFailures: 2, retries: 2, recoveryFaults: 0, restarts: 1, driver: 'loaded' },
];

function checkRetry(r: ReturnType<typeof runScenario>, c: Retry): void {
  const v = (k: string): number => Number(r.values.get(k));
  expect(r.status, r.stderr).toBe(0);
  expect(v('failures'), r.stderr).toBe(c.failures);
  expect([v('restart-failures'), v('restart-retries'), v('recovery-faults'), v('restarts')]).toEqual([
    c.restartFailures, c.retries, c.recoveryFaults, c.restarts,
  ]);
  expect(r.values.get('driver')).toBe(c.driver);
  expect(v('disables')).toBe(c.driver === 'disabled' ? 1 : 0);
  expect(v('after.total')).toBe(0);
  expect(v('restarted.total')).toBe(c.restarts ? v('before.total') : 0);
  expect(v('end.total')).toBe(0);
  expect(v('violations')).toBe(0); // no compensation ran driver code (a second pci_unregister_driver)
  expect(v('sent') + v('dropped') + v('busy')).toBe(v('given'));
  if (c.restarts) {
    expect(v('up')).toBe(1);
    expect([v('msglevel'), v('rx_ring'), v('tx_ring'), v('mtu'), v('promisc')]).toEqual([7, 512, 128, 1400, 1]);
    // From the last failure to the restart that worked: at least the last back-off (20 ms simulated).
    expect(v('outage_ns')).toBeGreaterThanOrEqual(20_000_000);
  } else {
    expect(v('busy')).toBe(6); // later frames refused cleanly
  }
}

describe('restart attempts that fail are retried with back-off, then the driver is disabled', () => {
  it.each(retries)('$what', (c) => {
    checkRetry(runScenario(exe, ['restart', String(c.how)]), c);
  });
});

// Compensation that faults on what the driver broke (freeing a frame whose buffer pointer it overwrote) is
// abandoned for that one resource and counted; the rest is released and the driver restarts. (Not under
// AddressSanitizer: its allocator reports the bad free itself, as it should.)
describe('a processor fault inside compensation', () => {
  it('abandons that release, counts it, and recovers the rest', () => {
    const r = runScenario(exe, ['restart', '12']);
    const v = (k: string): number => Number(r.values.get(k));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/kfree_skb faulted on sk_buff 0x[0-9a-f]+: abandoned/);
    expect([v('failures'), v('compensation-faults'), v('restarts')]).toEqual([1, 1, 1]);
    expect(v('resources-released')).toBe(v('before.total') - 1);
    expect([v('after.total'), v('end.total')]).toEqual([0, 0]);
    expect(r.values.get('driver')).toBe('loaded');
    expect(v('sent') + v('dropped') + v('busy')).toBe(v('given'));
    expect(v('dropped')).toBe(4); // reported before the release that faulted
  });
});

describe('under AddressSanitizer: no leaks, no invalid accesses', () => {
  it.each(retries)('failed restart attempts: $what', (c) => {
    const r = runScenario(asanExe, ['restart', String(c.how)], { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).not.toMatch(/Sanitizer/);
    checkRetry(r, c);
  });

  it.each(ways.filter((w) => w.cause !== 'hang'))('restart after $what', (way) => {
    const r = runScenario(asanExe, ['restart', String(way.how)], { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).not.toMatch(/Sanitizer/);
    check(r, way, 'restart');
  });
});
