// The bounds feature's command-line flags and run-time library, for the driver.
// The driver's table (compiler/driver/feature-flags.ts) carries the flags:
//   --fgftc-bounds                         check annotations, insert run-time checks
//   --fgftc-bounds-fail=abort|log|recover  what a failed check does (default abort)
//   --fgftc-no-bounds-optimize             keep every check (for comparison)
//   --fgftc-bounds-no-opt=NAME[,NAME]      switch off single optimisations (optimize/index.ts)
// boundsOptionsFromArgs parses the same flags for tools outside the driver.
import { join } from 'node:path';
import { checkoutRoot } from '../../checkout.js';
import { UserError } from '../../diagnostics.js';
import type { TransformOptions } from '../pass.js';

export type BoundsOptions = NonNullable<TransformOptions['bounds']>;

export interface BoundsArgs {
  options: BoundsOptions | undefined;
  rest: string[]; // arguments that are not ours
}

export function boundsOptionsFromArgs(argv: readonly string[], enabledByDefault = false): BoundsArgs {
  let enabled = enabledByDefault;
  const options: BoundsOptions = { optimize: true, failMode: 'abort' };
  const rest: string[] = [];
  for (const a of argv) {
    if (a === '--fgftc-bounds') enabled = true;
    else if (a === '--fgftc-no-bounds-optimize') options.optimize = false;
    else if (a.startsWith('--fgftc-bounds-no-opt=')) {
      const names = a.slice('--fgftc-bounds-no-opt='.length).split(',').filter((x) => x !== '');
      options.disabledOptimizations = [...(options.disabledOptimizations ?? []), ...names];
    } else if (a.startsWith('--fgftc-bounds-fail=')) {
      const m = a.slice('--fgftc-bounds-fail='.length);
      if (m !== 'abort' && m !== 'log' && m !== 'recover') throw new UserError(`--fgftc-bounds-fail: expected abort, log or recover, got '${m}'`);
      options.failMode = m;
    } else rest.push(a);
  }
  return { options: enabled ? options : undefined, rest };
}


/**
 * The C file a checked program must be linked with (fgft_check_fail and
 * friends). A driver linking a program built with --fgftc-bounds compiles it
 * once and adds it to the link, as gcc -fsanitize adds its runtime.
 */
export function boundsRuntimeSource(): string {
  return join(checkoutRoot(), 'runtime-c', 'checks', 'fgft_check.c');
}
