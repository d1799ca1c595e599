// The pipeline applies source passes (fault injection) before instrumentation
// (bounds checks), so a check guards the code that will actually run.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformTranslationUnit } from '../../compiler/pipeline.js';
import { preprocess, ROOT } from '../bounds/helpers.js';
import { makeScratchDir } from '../scratch.js';

const program = `
#include <stdio.h>
struct ring { unsigned int count; int * COUNT(count) slot; };
int sum(struct ring * NONNULL r) {
  int s = 0;
  for (unsigned int i = 0; i < r->count; i++)
    s += r->slot[i];
  return s;
}
int main(void) {
  int slots[4] = { 1, 2, 3, 4 };
  struct ring r = { 4, slots };
  printf("%d\\n", sum(&r));
  return 0;
}
`;

function buildAndRun(output: string): { status: number | null; stdout: string; stderr: string } {
  const dir = makeScratchDir('fgftc-pipeline');
  const src = join(dir, 'prog.i');
  writeFileSync(src, output, 'latin1');
  const exe = join(dir, 'prog');
  execFileSync('gcc', ['-O1', '-Wall', '-Wextra', '-x', 'cpp-output', src, '-x', 'c', join(ROOT, 'runtime-c/checks/fgft_check.c'), '-I', join(ROOT, 'runtime-c/checks'), '-o', exe]);
  const run = spawnSync(exe, { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('source passes run before instrumentation', () => {
  const { path, text } = preprocess(program);
  const bounds = { optimize: true, failMode: 'abort' as const };

  it('without a fault the checked program runs clean', () => {
    const r = transformTranslationUnit(path, text, { bounds });
    expect(buildAndRun(r.output)).toMatchObject({ status: 0, stdout: '10\n' });
  });

  it('an off-by-one injected into the loop bound is caught by the bounds check', () => {
    const r = transformTranslationUnit(path, text, { bounds, fault: { operator: 'offbyone', seed: 0, siteId: undefined } });
    const injected = (r.stats.details?.['fault-inject'] as { injected: { before: string; after: string }[] }).injected;
    expect(injected).toHaveLength(1);
    // Choose the loop-condition site explicitly so the test does not depend on the seed's pick.
    const sites = transformTranslationUnit(path, text, { fault: { operator: 'offbyone', schemata: true } });
    const ids = (sites.stats.details?.['fault-inject'] as { injected: { id: string; before: string }[] }).injected;
    const loopSite = ids.find((s) => s.before === 'i < r->count');
    expect(loopSite).toBeDefined();
    const faulty = transformTranslationUnit(path, text, { bounds, fault: { operator: 'offbyone', siteId: loopSite!.id } });
    const run = buildAndRun(faulty.output);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/upper check failed \(value 4, bound 4\)/);
  });
});
