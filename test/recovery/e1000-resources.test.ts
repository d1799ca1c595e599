// krecover with the example e1000 driver: a failure while the driver holds its configuration mutex or has
// work queued, during traffic both ways (`config` workload). The mutex is `adapter->config_mutex`, taken by
// the ethtool/ndo configuration paths (set_msglevel, set_ringparam, change_mtu) and the reset task; the work
// is the watchdog, which e1000_up() queues to run at once before it enables the receiver and interrupts, so a
// failure later in e1000_up() (here a SIGSEGV injected at the top of e1000_enable_rx, whose first entry is
// the initial open and second the reconfiguration under test) finds it queued. For each, under `unload` and
// `restart`: the harness survives, krecover's statistics show the mutex released / the work cancelled (and
// nothing the scenario does not hold), the tracker and AddressSanitizer's leak check find nothing left, and
// with `restart` every frame is accounted for and a later configuration call, which takes the mutex again,
// succeeds.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeExample, type HarnessReport } from '../harness/build.js';
import { buildE1000Harness, runHarnessScenario, scratchDir } from './helpers.js';

const FRAMES = 2000;
const traffic = ['--workload', 'config', '--frames', String(FRAMES), '--seed', '1'];
// After the failure: a configuration call that takes the config mutex (ndo_change_mtu).
const laterConfig = ['--mtu-at', '1400:4000'];

interface Scenario {
  name: string;
  inject: string; // krecover command that makes the driver fail ('' : the scenario's own trigger)
  change: string[]; // the reconfiguration during which the driver fails
  kind: string; // the harness's name for that change
  counter: string; // the failure cause krecover must count
  held: { 'mutex-held': number; work: number }; // what the driver holds at the failure
}

const scenarios: Scenario[] = [
  {
    name: 'mutex held: ethtool msglvl 1000 calls kr_trigger_fault() inside set_msglevel',
    inject: '',
    change: ['--msglevel-at', '600:1000'],
    kind: 'msglevel',
    counter: 'failures.trigger',
    held: { 'mutex-held': 1, work: 0 },
  },
  {
    name: 'mutex held and work queued: SIGSEGV in e1000_up during a ring resize',
    inject: 'i segv e1000_enable_rx 1',
    change: ['--ring-size-at', '600:128'],
    kind: 'ring',
    counter: 'failures.sigsegv',
    held: { 'mutex-held': 1, work: 1 },
  },
  {
    name: 'work queued: SIGSEGV in e1000_up during resume',
    inject: 'i segv e1000_enable_rx 1',
    change: ['--suspend-at', '600'],
    kind: 'suspend',
    counter: 'failures.sigsegv',
    held: { 'mutex-held': 0, work: 1 },
  },
];

/** `make KRECOVER=1` of examples/e1000 into a scratch directory; a failed build fails the tests. */
function makeKrecoverHarness(): string {
  return makeExample(scratchDir(), ['KRECOVER=1']).bin;
}

let exe = '';
let asan = '';

beforeAll(() => {
  exe = makeKrecoverHarness();
  asan = buildE1000Harness(scratchDir(), ['-fsanitize=address', '-fno-omit-frame-pointer']);
});

function run(policy: string, s: Scenario, harness: string, env: Record<string, string> = {}) {
  const commands = `r 1; w 100 0; p ${policy}${s.inject ? `; ${s.inject}` : ''}`;
  const args = [...traffic, ...s.change, ...(policy === 'restart' ? laterConfig : []), '--krecover', commands];
  const r = runHarnessScenario(harness, args, { KRECOVER_STATS: '1', ...env });
  expect(r.signal, r.stderr).toBeNull(); // the machine survived
  const n = (key: string): number => Number(r.values.get(key));
  return { ...r, n };
}

/** Every frame delivered once or reported; none lost, corrupted or duplicated. */
function expectAccounted(report: HarnessReport): void {
  for (const s of [report.tx, report.rx]) {
    expect(s.offered).toBe(FRAMES);
    expect(s.delivered + s.errored).toBe(FRAMES);
    const failed = { lost: s.lost, corrupted: s.corrupted, duplicated: s.duplicated };
    expect(failed).toEqual({ lost: 0, corrupted: 0, duplicated: 0 });
  }
  expect(report.rx.errored).toBe(0); // the receive stream resends what the device dropped
  expect(report.timed_out).toBe(false);
}

const violationsOf = (report: HarnessReport): number => Object.values(report.violations).reduce((a, b) => a + b, 0);

/** Failure counted, the held resources released by their compensation, nothing left in the tracker. */
function expectReleased(r: ReturnType<typeof run>, s: Scenario): void {
  expect(r.n(s.counter), r.stderr).toBe(1);
  expect(r.n('failures')).toBe(1);
  expect(r.n('released.mutex-held')).toBe(s.held['mutex-held']);
  expect(r.n('released.work')).toBe(s.held.work);
  expect(r.stderr).not.toMatch(/krecover: (no compensation|during release|.* did not release)/);
  expect(r.report.leaks).toBe(0);
  expect(violationsOf(r.report)).toBe(0);
  // The failed reconfiguration is reported to the caller where its interface can (ethtool's set_msglevel
  // returns nothing).
  const change = r.report.changes.find((c) => c.kind === s.kind);
  expect(change?.applied).toBe(true);
  if (s.kind !== 'msglevel') expect(change?.result).toBe(-5); // -EIO from the entry stub
}

describe('policy restart', () => {
  it.each(scenarios)('$name', (s) => {
    const r = run('restart', s, exe);
    expectReleased(r, s);
    expect(r.n('restarts')).toBe(1);
    expect(r.values.get('driver')).toBe('loaded');
    expectAccounted(r.report);
    // The config mutex works again: the later MTU change took it, changed the MTU and released it.
    const mtu = r.report.changes.find((c) => c.kind === 'mtu');
    expect([mtu?.applied, mtu?.result]).toEqual([true, 0]);
    expect(r.report.app_errors.config_errors).toBe(s.kind === 'msglevel' ? 0 : 1);
    expect(r.report.pass).toBe(true);
    expect(r.status).toBe(0);
  });
});

describe('policy unload', () => {
  it.each(scenarios)('$name', (s) => {
    const r = run('unload', s, exe);
    expectReleased(r, s);
    expect(r.n('unloads')).toBe(1);
    expect(r.values.get('driver')).toBe('unloaded');
    // Frames offered were delivered or reported; the rest were refused (the interface is gone).
    for (const st of [r.report.tx, r.report.rx]) {
      expect(st.delivered + st.errored).toBe(st.offered);
      expect(st.lost + st.corrupted + st.duplicated).toBe(0);
    }
    expect(r.report.tx.offered + r.report.rx.offered + r.report.app_errors.refused).toBe(2 * FRAMES);
  });
});

describe('under AddressSanitizer: no invalid access, no leak', () => {
  const rows = scenarios.flatMap((s) =>
    ['restart', 'unload'].map((policy) => ({ policy, s, name: `${policy}: ${s.name}` })),
  );
  it.each(rows)('$name', ({ policy, s }) => {
    const r = run(policy, s, asan, { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).not.toMatch(/Sanitizer/);
    expectReleased(r, s);
    if (policy === 'restart') expectAccounted(r.report);
  });
});
