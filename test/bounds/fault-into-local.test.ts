// Issue 3: faults injected where a local points into a counted field. The
// local gets hidden bounds from `&r->info[i]`, so a store that the fault moves
// to the neighbouring element past the end is caught, in a one-fault build
// and in a schemata build where srccorrupt also wraps the local's value.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformTranslationUnit, type TransformResult } from '../../compiler/pipeline.js';
import { preprocess, ROOT } from './helpers.js';

const program = `
#include <stdio.h>
#include <stdlib.h>
struct buf { int len; };
struct ring { unsigned int count; struct buf *COUNT(count) info; };
static int fill(struct ring *NONNULL r, unsigned int i)
{
	struct buf *b;
	b = &r->info[i];
	b->len = 5;
	return b->len;
}
int main(int argc, char **argv)
{
	struct buf bufs[4] = { { 1 }, { 2 }, { 3 }, { 4 } };
	struct ring r = { .count = 4, .info = bufs };
	(void)argv;
	printf("%d\\n", fill(&r, 2 + (unsigned int)argc));
	return 0;
}
`;

interface Injected {
  id: string;
  before: string;
  after: string;
}

const bounds = { optimize: true, failMode: 'abort' as const };

function injected(r: TransformResult): Injected[] {
  return (r.stats.details?.['fault-inject'] as { injected: Injected[] }).injected;
}

function buildAndRun(output: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fgftc-fault-local-'));
  const src = join(dir, 'prog.i');
  writeFileSync(src, output, 'latin1');
  const exe = join(dir, 'prog');
  const runtimes = [join(ROOT, 'runtime-c/checks/fgft_check.c'), join(ROOT, 'fault-inject/runtime/fgft_fault.c')];
  execFileSync('gcc', ['-O1', '-Wall', '-Wextra', '-x', 'cpp-output', src, '-x', 'c', ...runtimes, '-I', join(ROOT, 'runtime-c/checks'), '-o', exe]);
  const run = spawnSync(exe, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('faults into locals with hidden bounds', () => {
  const { path, text } = preprocess(program);
  const sites = injected(transformTranslationUnit(path, text, { fault: { operator: 'dstcorrupt', schemata: true } }));
  const store = sites.find((s) => s.before === 'b' && /\+/.test(s.after));

  it('finds the dstcorrupt site of the store through the local', () => {
    expect(store).toBeDefined();
  });

  it('one-fault build: the store moved past the last element is caught', () => {
    const r = transformTranslationUnit(path, text, { bounds, fault: { operator: 'dstcorrupt', siteId: store!.id } });
    expect(r.diagnostics.errorCount).toBe(0);
    const run = buildAndRun(r.output);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/:11: fgftc: upper check failed/);
  });

  it('schemata build with srccorrupt around the value: clean when off, caught when the store fault is on', () => {
    const r = transformTranslationUnit(path, text, { bounds, fault: { operator: 'dstcorrupt,srccorrupt', schemata: true } });
    expect(r.diagnostics.errorCount).toBe(0);
    // srccorrupt wraps `&r->info[i]` in a statement expression: the local keeps the field's bounds.
    expect(r.output).toMatch(/b__fgft_lo = \(__typeof__\(b\)\)\(r->info\)/);
    expect(buildAndRun(r.output)).toMatchObject({ status: 0, stdout: '5\n' });
    const on = buildAndRun(r.output, { FGFT_FAULT: store!.id });
    expect(on.status).not.toBe(0);
    expect(on.stderr).toMatch(/:11: fgftc: upper check failed/);
  });
});
