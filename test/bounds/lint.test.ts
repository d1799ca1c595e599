// `fgftc lint`: gcc-style, JSON and SARIF 2.1.0 output; exit 1 on errors;
// warnings for pointer arithmetic on unannotated interface parameters.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../compiler/lint/format.js';
import { lintUnit } from '../../compiler/lint/lint-unit.js';
import { preprocess, ROOT } from './helpers.js';
import { makeScratchDir } from '../scratch.js';

const dir = makeScratchDir('fgftc-lint');
const BAD = '#include "fgft.h"\nint sum(int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }\nstatic int t[4];\nint bad(void) { return t[4]; }\n';
const GOOD = '#include "fgft.h"\nint sum(int *COUNT(n) a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }\n';

function fgftc(args: string[]) {
  return spawnSync(join(ROOT, 'bin/fgftc'), args, { encoding: 'utf8' });
}

describe('lint rules', () => {
  it('warns about arithmetic on unannotated interface parameters, not on static ones', () => {
    const { path, text } = preprocess('int f(int *p, int n) { return p[n]; }\nstatic int g(int *p) { return *(p + 1); }\nint h(int *COUNT(n) p, int n) { return p[n - 1]; }');
    const warnings = lintUnit(path, text).filter((d) => d.severity === 'warning');
    expect(warnings.map((w) => [w.rule, w.location?.line])).toEqual([['bounds/unannotated-arith', 2]]);
    expect(warnings[0].notes?.[0].message).toContain("annotate 'p'");
  });

  it('writes SARIF 2.1.0 with rules, levels, locations and related locations', () => {
    const { path, text } = preprocess('static int t[4];\nint bad(void) { return t[4]; }', true);
    const log = JSON.parse(formatSarif(lintUnit(path, text)));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('fgftc');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('bounds/upper');
    const res = run.results[0];
    expect(res).toMatchObject({ ruleId: 'bounds/upper', level: 'error', message: { text: expect.stringContaining('index 4') } });
    expect(res.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 24 });
    expect(res.relatedLocations[0].message.text).toContain("'t' declared here");
    expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
  });
});

describe('fgftc lint', () => {
  const bad = join(dir, 'bad.c');
  const good = join(dir, 'good.c');
  writeFileSync(bad, BAD);
  writeFileSync(good, GOOD);
  const inc = ['-I', join(ROOT, 'annotations')];

  it('prints gcc-style diagnostics and exits 1 on errors', () => {
    const r = fgftc(['lint', ...inc, bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:4:24: error: index 4 is out of bounds of 't' (4 elements): this check always fails`);
    expect(r.stderr).toContain(`${bad}:3:12: note: 't' declared here`);
    expect(r.stderr).toContain("warning: pointer arithmetic on unannotated parameter 'a' of interface function 'sum'");
    expect(r.stderr).toContain('1 error, 1 warning');
  });

  it('exits 0 on clean code', () => {
    const r = fgftc(['lint', ...inc, good]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.each(['json', 'sarif'])('writes --format %s to stdout', (format) => {
    const r = fgftc(['lint', ...inc, '--format', format, bad]);
    expect(r.status).toBe(1);
    const parsed = JSON.parse(r.stdout);
    if (format === 'json') expect(parsed.map((d: { rule: string }) => d.rule)).toEqual(['bounds/upper', 'bounds/unannotated-arith']);
    else expect(parsed.runs[0].results).toHaveLength(2);
  });

  it('rejects an unknown format gcc-style', () => {
    const r = fgftc(['lint', '--format', 'xml', good]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^fgftc: error: --format must be gcc, json or sarif/m);
  });
});
