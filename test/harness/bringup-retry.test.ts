// A bring-up (module_init/probe or the first ndo_open) that fails because the driver failed is retried, as an
// application opening the device would, once the recovery runtime (krecover, policy restart) has brought the
// driver back: the workload then completes. A failure nothing brings back stays an app-visible load_error.
// The example e1000 driver built with `make KRECOVER=1`; `f FUNCTION 0` fails the driver on entering FUNCTION.
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleExists, makeExample, runHarness, tempDir } from './build.js';

const FRAMES = 200;
let exe = '';

beforeAll(() => {
  if (!exampleExists()) return;
  exe = makeExample(tempDir('bringup'), ['KRECOVER=1']).bin;
}, 240_000);

describe.skipIf(!exampleExists())('bring-up under krecover', () => {
  it.each([
    { name: 'fails in ndo_open once, restarted, retried', krecover: 'p restart; f e1000_open 0', retries: 1, loadError: 0 },
    { name: 'fails in probe (module_init) once, restarted, retried', krecover: 'p restart; f e1000_probe 0', retries: 1, loadError: 0 },
    { name: 'fails in e1000_up under ndo_open once, retried', krecover: 'p restart; f e1000_up 0', retries: 1, loadError: 0 },
    { name: 'no failure: no retry', krecover: 'p restart', retries: 0, loadError: 0 },
    { name: 'policy unload: nothing brings it back', krecover: 'p unload; f e1000_open 0', retries: 0, loadError: -5 },
    { name: 'restart limit 0: disabled, never comes up', krecover: 'p restart; l 0 10000; f e1000_open 0', retries: 0, loadError: -5 },
  ])('$name', ({ krecover, retries, loadError }) => {
    const r = runHarness(exe, ['--workload', 'send', '--frames', String(FRAMES), '--krecover', `r 1; ${krecover}`]);
    expect(r.signal, r.stderr).toBeNull();
    const report = r.report!;
    expect(report.bringup.retries).toBe(retries);
    expect(report.bringup.first_error).toBe(retries ? -5 : 0);
    expect(report.load_error).toBe(loadError);
    if (loadError) {
      expect(report.pass).toBe(false); // a device that never came up is still an app-visible error
      expect(report.tx.delivered).toBe(0);
      expect(r.status).not.toBe(0);
    } else {
      expect(report.pass).toBe(true);
      expect(report.tx.delivered).toBe(FRAMES);
      expect(report.leaks).toBe(0);
      expect(r.status).toBe(0);
    }
  });
});
