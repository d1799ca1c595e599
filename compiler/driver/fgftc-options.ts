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

/**
 * The fault-injection spellings of SafeDrive's tools (`--fault TYPE --seed N --fault-site ID`, also with
 * `=`), as aliases of the --fgftc-fault* flags. gcc has no options of these names.
 */
const FAULT_ALIASES: Record<string, string> = {
  '--fault': '--fgftc-fault',
  '--seed': '--fgftc-fault-seed',
  '--fault-site': '--fgftc-fault-site',
};

/** `--fault=x` -> `--fgftc-fault=x`; undefined if `word` is not an alias (with its value joined). */
function faultAlias(word: string): string | undefined {
  const eq = word.indexOf('=');
  const name = eq < 0 ? word : word.slice(0, eq);
  const flag = FAULT_ALIASES[name];
  return flag === undefined ? undefined : eq < 0 ? flag : `${flag}${word.slice(eq)}`;
}

/** fgftc's options are single words (aliases aside), so they can be dropped from a command line one by one. */
export function isFgftcOption(word: string): boolean {
  return (
    faultAlias(word) !== undefined ||
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
    // Units that include annotations/fgft.h are checked unless --fgftc-no-bounds says otherwise.
    transform: { bounds: { optimize: true, failMode: 'abort', scope: 'fgft-header' } },
  };
}

/** Separate fgftc's options (applied to `fgftc`) from gcc's. */
export function splitFgftcOptions(args: readonly string[], fgftc: FgftcOptions): SplitArguments {
  const gccArgs: string[] = [];
  for (let k = 0; k < args.length; k++) {
    let a = args[k];
    const alias = faultAlias(a);
    if (alias !== undefined) {
      if (alias.includes('=')) a = alias;
      else if (k + 1 < args.length) a = `${alias}=${args[++k]}`;
      else throw new UserError(`missing argument to '${a}'`);
    }
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
