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

describe('under AddressSanitizer: no leaks, no invalid accesses', () => {
  it.each(ways.filter((w) => w.cause !== 'hang'))('restart after $what', (way) => {
    const r = runScenario(asanExe, ['restart', String(way.how)], { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).not.toMatch(/Sanitizer/);
    check(r, way, 'restart');
  });
});
