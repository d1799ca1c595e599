// fgftc's --fgftc-* feature flags: each turns on or tunes one transformation.
// A feature owner adds its flags here (one table row each); the driver strips
// them from the command line before cc sees it.
import { UserError } from '../diagnostics.js';
import type { TransformOptions } from '../passes/pass.js';

export interface FeatureFlag {
  /** The flag without its value, e.g. "--fgftc-bounds-fail". */
  name: string;
  /** Placeholder for the value after '=', or undefined for a plain switch. */
  value?: string;
  help: string;
  apply(options: TransformOptions, value: string): void;
}

function bounds(options: TransformOptions): NonNullable<TransformOptions['bounds']> {
  options.bounds ??= { optimize: true, failMode: 'abort' };
  return options.bounds;
}

function fault(options: TransformOptions): NonNullable<TransformOptions['fault']> {
  options.fault ??= { operator: '' };
  return options.fault;
}

function nonNegativeInteger(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UserError(`${flag}: expected a non-negative integer, got '${value}'`);
  return Number(value);
}

export const featureFlags: FeatureFlag[] = [
  {
    name: '--fgftc-bounds',
    help: 'check bounds annotations statically and insert run-time checks in every annotated unit (default: units that include fgft.h)',
    apply: (o) => void (bounds(o).scope = 'annotated'),
  },
  {
    name: '--fgftc-no-bounds',
    help: 'no bounds checking, even in units that include fgft.h',
    apply: (o) => void (o.bounds = undefined),
  },
  {
    name: '--fgftc-bounds-fail',
    value: 'abort|log|recover',
    help: 'what a failed run-time check does (default abort)',
    apply: (o, v) => {
      if (v !== 'abort' && v !== 'log' && v !== 'recover') {
        throw new UserError(`--fgftc-bounds-fail: expected abort, log or recover, got '${v}'`);
      }
      bounds(o).failMode = v;
    },
  },
  {
    name: '--fgftc-no-bounds-optimize',
    help: 'keep every run-time check (do not remove provably redundant ones)',
    apply: (o) => void (bounds(o).optimize = false),
  },
  {
    name: '--fgftc-bounds-no-opt',
    value: 'NAME[,NAME...]',
    help: 'switch off single check optimisations (constant-bounds, modulo-index, loop-index, condition-facts, dominating, hoist)',
    apply: (o, v) => {
      const b = bounds(o);
      b.disabledOptimizations = [...(b.disabledOptimizations ?? []), ...v.split(',').filter((x) => x !== '')];
    },
  },
  {
    name: '--fgftc-stubs',
    help: 'wrap driver entry points in recovery stubs',
    apply: (o) => void (o.stubs = { ...o.stubs, enabled: true }),
  },
  {
    name: '--fgftc-no-probes',
    help: 'with --fgftc-stubs: no fault-trigger probe at the top of each function',
    apply: (o) => void (o.stubs = { enabled: o.stubs?.enabled ?? false, ...o.stubs, probes: false }),
  },
  {
    name: '--fgftc-fault',
    value: 'OPERATOR',
    help: 'inject one compile-time fault of this kind',
    apply: (o, v) => void (fault(o).operator = v),
  },
  {
    name: '--fgftc-fault-seed',
    value: 'N',
    help: 'seed that picks the fault site',
    apply: (o, v) => void (fault(o).seed = nonNegativeInteger('--fgftc-fault-seed', v)),
  },
  {
    name: '--fgftc-fault-site',
    value: 'ID',
    help: 'inject at this site id instead of a random one',
    apply: (o, v) => void (fault(o).siteId = v),
  },
  {
    name: '--fgftc-fault-schemata',
    help: 'compile every candidate fault in, selected at run time',
    apply: (o) => void (fault(o).schemata = true),
  },
  {
    name: '--fgftc-fault-verbose',
    help: 'report each injected fault (file:line, operator, code before and after) on stderr',
    apply: (o) => void (fault(o).verbose = true),
  },
];

/** Apply one --fgftc-* word to `options`; throws UserError for an unknown or malformed flag. */
export function applyFeatureFlag(options: TransformOptions, word: string): void {
  const eq = word.indexOf('=');
  const name = eq < 0 ? word : word.slice(0, eq);
  const flag = featureFlags.find((f) => f.name === name);
  if (!flag) throw new UserError(`unrecognized fgftc option '${word}' (see 'fgftc --help')`);
  if (flag.value !== undefined && eq < 0) throw new UserError(`missing argument to '${name}=${flag.value}'`);
  if (flag.value === undefined && eq >= 0) throw new UserError(`'${name}' takes no argument`);
  flag.apply(options, eq < 0 ? '' : word.slice(eq + 1));
}
