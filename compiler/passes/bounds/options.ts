// Command-line flags of the bounds feature, for the driver to wire:
//   --fgftc-checks / --fgftc-no-checks     turn bounds checking on / off
//   --fgftc-no-optimize                    keep every check (for comparison)
//   --fgftc-no-opt=NAME[,NAME]             switch off single optimisations (see optimize/index.ts)
//   --fgftc-fail=abort|log|recover         what a failing check does
import { UserError } from '../../diagnostics.js';
import type { TransformOptions } from '../pass.js';

export type BoundsOptions = NonNullable<TransformOptions['bounds']>;

export interface BoundsArgs {
  options: BoundsOptions | undefined;
  rest: string[]; // arguments that are not ours
}

export function boundsOptionsFromArgs(argv: readonly string[], enabledByDefault = true): BoundsArgs {
  let enabled = enabledByDefault;
  const options: BoundsOptions = { optimize: true, failMode: 'abort' };
  const rest: string[] = [];
  for (const a of argv) {
    if (a === '--fgftc-checks') enabled = true;
    else if (a === '--fgftc-no-checks') enabled = false;
    else if (a === '--fgftc-no-optimize') options.optimize = false;
    else if (a.startsWith('--fgftc-no-opt=')) options.disabledOptimizations = [...(options.disabledOptimizations ?? []), ...a.slice(15).split(',')];
    else if (a.startsWith('--fgftc-fail=')) {
      const m = a.slice('--fgftc-fail='.length);
      if (m !== 'abort' && m !== 'log' && m !== 'recover') throw new UserError(`--fgftc-fail must be abort, log or recover, not '${m}'`);
      options.failMode = m;
    } else rest.push(a);
  }
  return { options: enabled ? options : undefined, rest };
}
