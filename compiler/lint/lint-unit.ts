// Lint one preprocessed translation unit: the bounds static checker plus the
// lint-only rules, no code generated.
import type { Diagnostic } from '../diagnostics.js';
import { boundsPass } from '../passes/bounds/index.js';
import { transformTranslationUnit } from '../pipeline.js';
import { unannotatedArithmeticPass } from './unannotated-arith.js';

export function lintUnit(path: string, text: string): Diagnostic[] {
  const r = transformTranslationUnit(path, text, { bounds: { optimize: false, failMode: 'abort' } }, [boundsPass, unannotatedArithmeticPass]);
  return r.diagnostics.list;
}
