// Preprocess a C file with the user's gcc flags, the way the driver does
// (same -E arguments via the driver's helpers), for `fgftc faults sites` and
// the campaign's site listing.
import { spawnSync } from 'node:child_process';
import { UserError } from '../compiler/diagnostics.js';
import { inputs, parseCommandLine } from '../compiler/driver/command-line.js';
import { defaultFgftcOptions, splitFgftcOptions } from '../compiler/driver/fgftc-options.js';
import { preprocessArguments } from '../compiler/driver/steps.js';

export interface PreprocessedFile {
  path: string;
  text: string; // latin1
}

/** `gccArgs` is a gcc command line naming one or more C files; each is preprocessed. */
export function preprocessCommandLine(gccArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): PreprocessedFile[] {
  const { fgftc, gccArgs: rest } = splitFgftcOptions(gccArgs, defaultFgftcOptions(env));
  const cmd = parseCommandLine(rest);
  const sources = inputs(cmd).filter((i) => i.kind === 'c' || i.language === 'c');
  if (sources.length === 0) throw new UserError('no C source file given');
  return sources.map((input) => {
    const args = preprocessArguments(cmd, input, '-');
    const r = spawnSync(fgftc.cc[0], [...fgftc.cc.slice(1), ...args], { encoding: 'latin1', maxBuffer: 1 << 30 });
    if (r.error) throw new UserError(`cannot run the C compiler '${fgftc.cc[0]}': ${r.error.message}`);
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      throw new UserError(`preprocessing ${input.path} failed`);
    }
    return { path: input.path, text: r.stdout };
  });
}
