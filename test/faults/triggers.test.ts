// Run-time triggers of one-build mode: a fault armed after N checks, on
// entering a named function, or on demand through the control interface.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildHarness, FIXTURES, run, transformDriver, workDir } from './helpers.js';

const SITE = 'drv_stat:48:2:dropassign#1'; // the stats counter stops counting
let exe = '';

beforeAll(async () => {
  const t = transformDriver({ operator: 'all', schemata: true });
  const b = await buildHarness(workDir('triggers'), 'trigger', t.output, [], join(FIXTURES, 'trigger-harness.c'));
  expect(b.ok, b.stderr).toBe(true);
  exe = b.exe;
}, 120_000);

interface Row {
  name: string;
  env: Record<string, string>;
  script: string[];
  out: string;
}

const rows: Row[] = [
  { name: 'no fault selected', env: {}, script: ['stat', 'stat', 'stat'], out: '1 2 3 hits=0' },
  { name: 'selected, no trigger: armed from the start', env: { FGFT_FAULT: SITE }, script: ['stat', 'stat'], out: '0 0 hits=2' },
  // Events are driver function entries (drv_stat is entered once per "stat") and reported checks.
  { name: 'after N function entries', env: { FGFT_FAULT: SITE, FGFT_FAULT_AFTER: '3' },
    script: ['stat', 'stat', 'stat', 'stat'], out: '1 2 2 2 hits=2' },
  { name: 'after N checks', env: { FGFT_FAULT: SITE, FGFT_FAULT_AFTER: '3' },
    script: ['check', 'check', 'stat', 'stat'], out: '0 0 hits=2' },
  { name: 'on entering a named function', env: { FGFT_FAULT: SITE, FGFT_FAULT_FUNC: 'drv_stat' }, script: ['stat'], out: '0 hits=1' },
  { name: 'not armed while the named function is not entered', env: { FGFT_FAULT: SITE, FGFT_FAULT_FUNC: 'drv_teardown' },
    script: ['stat', 'stat'], out: '1 2 hits=0' },
  { name: 'on demand through the control interface', env: {},
    script: ['stat', `s ${SITE}`, 'd', 'stat', 'a', 'stat', 'd', 'stat'], out: '1 2 2 3 hits=1' },
  { name: 'control: arm after N events', env: { FGFT_FAULT: SITE }, script: ['n 2', 'stat', 'check', 'stat'], out: '1 1 hits=1' },
  { name: 'control: arm on entering a function', env: { FGFT_FAULT: SITE }, script: ['e drv_sum', 'stat', 'e drv_stat', 'stat'], out: '1 1 hits=1' },
];

test.each(rows)('$name', (row) => {
  const o = run(exe, row.env, 2000, row.script);
  expect(o.status).toBe(0);
  expect(o.stdout.trim()).toBe(row.out);
});

test('the first activation is reported for the campaign', () => {
  const report = join(workDir('report'), 'fault.jsonl');
  run(exe, { FGFT_FAULT: SITE, FGFT_FAULT_REPORT: report }, 2000, ['stat', 'stat']);
  expect(JSON.parse(readFileSync(report, 'latin1'))).toEqual({ fault: SITE, activated: true });
});
