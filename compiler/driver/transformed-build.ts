// The transformed compile: each C source is preprocessed by cc into a private
// temporary .i, run through fgftc's pipeline, and then the user's own command
// is run with the sources replaced by their instrumented .i files.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandLine, InputItem } from './command-line.js';
import { colourWords, type DriverIO } from './driver-io.js';
import type { FgftcOptions } from './fgftc-options.js';
import { withFileErrors } from './file-errors.js';
import { baseWithoutSuffix } from './languages.js';
import { startCc, type CcResult } from './run-cc.js';
import { writeStats } from './stats-writer.js';
import {
  auxiliaryBase,
  finalArguments,
  preprocessArguments,
  syntaxCheckArguments,
  untransformedPreprocessArguments,
} from './steps.js';
import { TempDir } from './temp-dir.js';
import { loadPipeline, transformPreprocessedFile, type UnitRequest, type UnitResult } from './transform-unit.js';

export interface BuildContext {
  cmd: CommandLine;
  io: DriverIO;
  fgftc: FgftcOptions;
  temp: TempDir;
  /** With -save-temps: where gcc would keep a source's auxiliary files (base name, no suffix). */
  saveTempsBase?: (input: InputItem) => string;
  /** The warm transform server (unless FGFTC_SERVER=0); resolves to undefined when it cannot help. */
  server?: { transform(request: UnitRequest): Promise<UnitResult | undefined> };
  log?: (message: string) => void;
  /** Appended to a link: fgftc's runtime archive (runtime-library.ts), or nothing. */
  runtime: string[];
}

function keepCopy(from: string, to: string): void {
  withFileErrors('keep a temporary file as', to, () => copyFileSync(from, to));
}

/** What the user calls the source (stats, diagnostics). */
function displayName(input: InputItem): string {
  return input.path === '-' ? '<stdin>' : input.path;
}

function run(ctx: BuildContext, args: string[], captureStderr = false): Promise<CcResult> {
  const words = [...colourWords(ctx.cmd, ctx.io, captureStderr), ...args];
  ctx.log?.(`run: ${ctx.fgftc.cc.join(' ')} ${words.join(' ')}`);
  return startCc(ctx.io, ctx.fgftc.cc, words, { tempDir: () => ctx.temp.path, captureStderr });
}

/**
 * Run the user's command on the instrumented files. If it fails and the
 * user's own sources fail gcc's syntax check too, show gcc's diagnostics for
 * the original sources: those are exactly what plain gcc would print.
 */
async function compileInstrumented(ctx: BuildContext, sources: readonly InputItem[], replacements: ReadonlyMap<InputItem, string>): Promise<number> {
  const final = await run(ctx, [...finalArguments(ctx.cmd, replacements), ...ctx.runtime], true);
  if (final.status !== 0 && final.signal === undefined && !sources.some((s) => s.path === '-')) {
    const original = await run(ctx, syntaxCheckArguments(ctx.cmd, sources), true);
    if (original.status !== 0) {
      ctx.io.writeStderr(original.stderr ?? '');
      return original.status;
    }
  }
  ctx.io.writeStderr(final.stderr ?? '');
  return final.status;
}

/**
 * Bring one source to an instrumented .i (in the temp dir, named like the
 * source so gcc derives the same output names from it). Resolves to the path,
 * or to the exit status to stop with (cc's own, or 1 for fgftc's errors).
 */
async function instrument(ctx: BuildContext, input: InputItem): Promise<string | number> {
  const iPath = join(ctx.temp.newSubdir(), `${baseWithoutSuffix(input.path)}.i`);
  if (input.kind === 'c') {
    const running = run(ctx, preprocessArguments(ctx.cmd, input, iPath));
    if (!ctx.server) void loadPipeline().catch(() => undefined); // load tree-sitter while cc preprocesses
    const pre = await running;
    if (pre.status !== 0) return pre.status;
  } else {
    // Already preprocessed (.i / -x cpp-output): transform a private copy.
    const data = withFileErrors('read', displayName(input), () => readFileSync(input.path === '-' ? 0 : input.path));
    writeFileSync(iPath, data);
  }
  if (ctx.saveTempsBase) keepCopy(iPath, `${ctx.saveTempsBase(input)}.i`);
  const request: UnitRequest = { sourcePath: displayName(input), iPath, options: ctx.fgftc.transform };
  ctx.log?.(`transforming ${request.sourcePath}`);
  const unit = (ctx.server && (await ctx.server.transform(request))) || (await transformPreprocessedFile(request));
  ctx.log?.(`transformed ${request.sourcePath}: ${unit.stats.functions} functions, ${unit.stats.parseErrors} parse errors`);
  for (const line of unit.diagnostics) ctx.io.writeStderr(line + '\n');
  if (ctx.fgftc.statsPath !== undefined) writeStats(ctx.fgftc.statsPath, unit.stats, (line) => ctx.io.writeStderr(line));
  return unit.errors > 0 ? 1 : iPath;
}

/** -c, -S or a link: instrument every source, then run the user's command on the results. */
export async function compileSources(ctx: BuildContext, sources: readonly InputItem[]): Promise<number> {
  const replacements = new Map<InputItem, string>();
  for (const source of sources) {
    const result = await instrument(ctx, source);
    if (typeof result === 'number') return result;
    if (ctx.fgftc.keep || ctx.saveTempsBase) keepCopy(result, `${auxiliaryBase(ctx.cmd, source)}.fgftc.i`);
    replacements.set(source, result);
  }
  return compileInstrumented(ctx, sources, replacements);
}

/** -E: the instrumented preprocessed C of each source, in input order; other inputs go to cc -E. */
export async function preprocessSources(ctx: BuildContext, all: readonly InputItem[], sources: ReadonlySet<InputItem>): Promise<number> {
  for (const input of all) {
    if (!sources.has(input)) {
      const { status } = await run(ctx, untransformedPreprocessArguments(ctx.cmd, input));
      if (status !== 0) return status;
      continue;
    }
    const result = await instrument(ctx, input);
    if (typeof result === 'number') return result;
    const data = readFileSync(result);
    const output = ctx.cmd.output;
    if (output !== undefined && output !== '-') withFileErrors('write', output, () => writeFileSync(output, data));
    else await ctx.io.writeStdout(data);
  }
  return 0;
}
