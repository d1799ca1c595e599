// Shared by the bounds tests: preprocess a C snippet the way fgftc does and
// run it through the pipeline.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BoundsOptions } from '../../compiler/passes/bounds/options.js';
import { transformTranslationUnit, type TransformResult } from '../../compiler/pipeline.js';
import { makeScratchDir } from '../scratch.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const dir = makeScratchDir('fgftc-bounds');
let counter = 0;

/** `src` with fgft.h included, preprocessed under __FGFTC__; the file is named snippet-N.c. */
export function preprocess(src: string, withHeader = true): { path: string; text: string } {
  const path = join(dir, `snippet-${counter++}.c`);
  writeFileSync(path, (withHeader ? '#include "fgft.h"\n' : '') + src);
  const text = execFileSync('gcc', ['-E', '-std=gnu11', '-D__FGFTC__', '-I', join(ROOT, 'annotations'), path], { encoding: 'latin1' });
  return { path, text };
}

export function transform(src: string, options: Partial<BoundsOptions> = {}, withHeader = true): TransformResult {
  const { path, text } = preprocess(src, withHeader);
  return transformTranslationUnit(path, text, { bounds: { optimize: true, failMode: 'abort', ...options } });
}

/** The emitted code of the snippet itself (after the last line marker of the main file), check calls only. */
export function checkCalls(r: TransformResult): string[] {
  const body = r.output.slice(r.output.lastIndexOf('fgft.h"'));
  return [...body.matchAll(/fgft_check_[a-z_]+/g)].map((m) => m[0]);
}

/** Line numbers (1-based, counting the included fgft.h line) as the diagnostics report them. */
export function errorsOf(r: TransformResult): { line: number; message: string; notes: number; rule?: string }[] {
  return r.diagnostics.list
    .filter((d) => d.severity === 'error')
    .map((d) => ({ line: d.location?.line ?? 0, message: d.message, notes: d.notes?.length ?? 0, rule: d.rule }));
}
