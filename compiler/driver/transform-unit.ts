// One preprocessed file through fgftc's pipeline, in this process or in a
// warm transform server (see transform-server.ts). The
// pipeline (and with it tree-sitter) is loaded on first use only: calls that
// merely pass through to cc must start fast.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatDiagnostic } from '../diagnostics.js';
import type { TransformOptions } from '../passes/pass.js';
import type { UnitStats } from '../stats.js';

type Pipeline = typeof import('../pipeline.js');
let pipeline: Promise<Pipeline> | undefined;

/** Start loading the pipeline now (e.g. while cc preprocesses); cheap to call again. */
export function loadPipeline(): Promise<Pipeline> {
  pipeline ??= import('../pipeline.js');
  return pipeline;
}

export interface UnitResult {
  errors: number;
  /** gcc-style diagnostic lines, for stderr. */
  diagnostics: string[];
  stats: UnitStats;
  /** The instrumented text differs from the preprocessed text. */
  changed: boolean;
}

/** What a transform needs to know; JSON, so that it can be sent to a transform server. */
export interface UnitRequest {
  sourcePath: string; // the file the user named (stats, diagnostics)
  iPath: string; // the preprocessed file, transformed in place (absolute)
  options: TransformOptions;
}

/** Transform `request.iPath` in place with an already loaded pipeline. */
export function transformWith(p: Pipeline, request: UnitRequest): UnitResult {
  const text = readFileSync(request.iPath, 'latin1');
  const result = p.transformTranslationUnit(request.sourcePath, text, request.options);
  const changed = result.output !== text;
  if (changed) writeFileSync(request.iPath, result.output, 'latin1');
  return {
    errors: result.diagnostics.errorCount,
    diagnostics: result.diagnostics.list.map((d) => formatDiagnostic(d)),
    stats: result.stats,
    changed,
  };
}

/** Transform in this process. */
export async function transformPreprocessedFile(request: UnitRequest): Promise<UnitResult> {
  return transformWith(await loadPipeline(), request);
}
