// fgftc's own options, taken out of a gcc command line before cc sees it:
// --cc=CC, --keep, --stats=FILE|-, --fgftc-* (feature flags).
import { UserError } from '../diagnostics.js';
import type { TransformOptions } from '../passes/pass.js';
import { applyFeatureFlag } from './feature-flags.js';

export interface FgftcOptions {
  /** The real compiler as argv words (FGFTC_CC may say e.g. "ccache gcc"). */
  cc: string[];
  /** Keep the instrumented .i beside the object (--keep). */
  keep: boolean;
  /** Where --stats writes: a file path, '-' for stderr, or undefined. */
  statsPath?: string;
  transform: TransformOptions;
}

export interface SplitArguments {
  fgftc: FgftcOptions;
  /** The gcc arguments, fgftc's own removed. */
  gccArgs: string[];
}

function ccFrom(value: string, origin: string): string[] {
  const words = value.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) throw new UserError(`${origin} is empty`);
  return words;
}

/** fgftc's options are single words, so they can be dropped from a command line one by one. */
export function isFgftcOption(word: string): boolean {
  return (
    word === '--keep' ||
    word === '--cc' ||
    word.startsWith('--cc=') ||
    word === '--stats' ||
    word.startsWith('--stats=') ||
    word.startsWith('--fgftc-')
  );
}

export function defaultFgftcOptions(env: NodeJS.ProcessEnv): FgftcOptions {
  return {
    cc: env.FGFTC_CC ? ccFrom(env.FGFTC_CC, 'FGFTC_CC') : ['gcc'],
    keep: false,
    transform: {},
  };
}

/** Separate fgftc's options (applied to `fgftc`) from gcc's. */
export function splitFgftcOptions(args: readonly string[], fgftc: FgftcOptions): SplitArguments {
  const gccArgs: string[] = [];
  for (const a of args) {
    if (!isFgftcOption(a)) {
      gccArgs.push(a);
    } else if (a === '--keep') {
      fgftc.keep = true;
    } else if (a === '--cc' || a === '--stats') {
      throw new UserError(`missing argument to '${a}=' (write ${a}=VALUE)`);
    } else if (a.startsWith('--cc=')) {
      fgftc.cc = ccFrom(a.slice('--cc='.length), '--cc');
    } else if (a.startsWith('--stats=')) {
      const value = a.slice('--stats='.length);
      if (value === '') throw new UserError("missing argument to '--stats='");
      fgftc.statsPath = value;
    } else {
      applyFeatureFlag(fgftc.transform, a);
    }
  }
  return { fgftc, gccArgs };
}

/** Checks that need every option seen first. */
export function validateFgftcOptions(fgftc: FgftcOptions): void {
  if (fgftc.transform.fault && fgftc.transform.fault.operator === '') {
    throw new UserError("the --fgftc-fault-* options need '--fgftc-fault=OPERATOR'");
  }
}
