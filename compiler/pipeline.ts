// One translation unit through the pipeline: parse -> source passes -> (re-parse) -> instrument passes -> emit.
import { DiagnosticSink } from './diagnostics.js';
import { EditSet } from './emit/edits.js';
import { applyEdits, escapeFileName } from './emit/emit.js';
import { parseTranslationUnit } from './frontend/parse.js';
import type { ParsedUnit } from './frontend/unit.js';
import { passes as defaultPasses } from './passes/index.js';
import type { Pass, PassContext, TransformOptions } from './passes/pass.js';
import { emptyStats, type UnitStats } from './stats.js';

export interface TransformResult {
  output: string; // latin1, ready to write as the instrumented .i file
  diagnostics: DiagnosticSink;
  stats: UnitStats;
  unit: ParsedUnit;
}

/**
 * Transform one preprocessed translation unit. `text` must be latin1 (read the
 * file with 'latin1') so that string offsets are byte offsets.
 */
export function transformTranslationUnit(
  path: string,
  text: string,
  options: TransformOptions = {},
  passes: readonly Pass[] = defaultPasses,
): TransformResult {
  const started = performance.now();
  const original = parseTranslationUnit(path, text);
  const stats = emptyStats(path);
  const mainFunctions = original.functions.filter((f) => f.inMainFile);
  stats.functions = mainFunctions.length;
  stats.functionsSkipped = mainFunctions.filter((f) => f.hasParseError).length;
  stats.parseErrors = original.errors.length;

  const diagnostics = new DiagnosticSink();
  const prelude = new Set<string>();
  const enabled = passes.filter((p) => p.enabled(options));
  const newContext = (unit: ParsedUnit): PassContext => ({ unit, edits: new EditSet(), diagnostics, stats, options, prelude });

  // Stage 1: passes that change the program itself. If they changed anything,
  // the changed program is parsed again, so later passes analyse what will run.
  let unit = original;
  const sourceStage = newContext(unit);
  for (const pass of enabled) if (pass.stage === 'source') pass.run(sourceStage);
  if (sourceStage.edits.size > 0) {
    text = applyEdits(text, sourceStage.edits, unit.lineMap);
    unit = parseTranslationUnit(path, text);
  }

  // Stage 2: instrumentation (checks, stubs, annotation stripping).
  const ctx = newContext(unit);
  for (const pass of enabled) if (pass.stage !== 'source') pass.run(ctx);

  let output = applyEdits(text, ctx.edits, unit.lineMap);
  if (prelude.size > 0) {
    // The prelude is ours, not the user's: it is marked as a system header so
    // gcc's warnings stay about the user's code. The input itself starts with
    // its own line markers, which put gcc back on the main file.
    const main = escapeFileName(unit.lineMap.mainFile);
    output = `# 0 "${main}"\n# 1 "<fgftc-runtime>" 1 3\n${[...prelude].join('\n')}\n# 0 "${main}" 2\n` + output;
  }
  stats.ms = Math.round((performance.now() - started) * 100) / 100;
  return { output, diagnostics, stats, unit };
}
