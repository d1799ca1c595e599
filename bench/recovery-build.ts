// Building the C programs krecover is measured and tested with: drivers sent
// through fgftc's pipeline with stubs (or plainly through gcc), linked with
// the recovery runtime and, where needed, the simulated machine. Used by
// bench/recovery-stubs.ts and test/recovery/.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stripAnnotationsPass } from '../compiler/passes/bounds/strip-annotations.js';
import type { Pass, TransformOptions } from '../compiler/passes/pass.js';
import { entryStubsPass } from '../compiler/passes/stubs/index.js';
import { transformTranslationUnit } from '../compiler/pipeline.js';
import { checkoutRoot } from '../compiler/checkout.js';

/** The repository root, from the source tree or from dist/. */
export const repoRoot = (): string => checkoutRoot();

const root = repoRoot();

/** The runtime without the machine (kr_machine.c, kr_harness.c need the shim), plus the check runtime it hooks. */
export const krecoverCoreSources: readonly string[] = [
  ...['kr_domain.c', 'kr_policy.c', 'kr_signals.c', 'kr_watchdog.c', 'kr_control.c', 'kr_checks.c', 'kr_inject.c'].map((f) =>
    join(root, 'runtime-c/krecover', f),
  ),
  join(root, 'runtime-c/checks/fgft_check.c'),
];

export const krecoverMachineSource = join(root, 'runtime-c/krecover/kr_machine.c');
export const krecoverHarnessSource = join(root, 'runtime-c/krecover/kr_harness.c');

/** Every .c file of a runtime-c folder (shim, dev, harness). */
export function runtimeSources(folder: string): string[] {
  const dir = join(root, 'runtime-c', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .map((f) => join(dir, f));
}

/** Only the passes the stubs need: the annotation stripper and the stubs themselves. */
export const stubPasses: readonly Pass[] = [stripAnnotationsPass, entryStubsPass];

/**
 * gcc -E `src` with `cppFlags`, transform with `options` through `passes`
 * (default: the whole pipeline), write `<dir>/<name>.i`; returns its path.
 * Throws with the diagnostics if the pipeline reports an error.
 */
export function fgftcUnit(
  src: string,
  dir: string,
  cppFlags: readonly string[],
  options: TransformOptions,
  passes?: readonly Pass[],
): string {
  const pre = execFileSync('gcc', ['-E', '-D__FGFTC__', ...cppFlags, src]).toString('latin1');
  const r = passes ? transformTranslationUnit(src, pre, options, passes) : transformTranslationUnit(src, pre, options);
  const errors = r.diagnostics.list.filter((d) => d.severity === 'error' || d.severity === 'fatal error');
  if (errors.length > 0) throw new Error(`fgftc: ${src}: ${JSON.stringify(errors)}`);
  const out = join(dir, `${basename(src, '.c')}.i`);
  writeFileSync(out, r.output, 'latin1');
  return out;
}

/** Link with gcc; throws with gcc's messages. */
export function link(args: readonly string[], exe: string, cwd: string): string {
  const r = spawnSync('gcc', [...args, '-pthread', '-lm', '-o', exe], { cwd, encoding: 'latin1' });
  if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}`);
  return exe;
}

export interface DriverBuild {
  stubs: boolean; // through fgftc with stubs, or straight through gcc
  extraFlags?: string[]; // e.g. -fsanitize=address
}

/**
 * The example e1000 driver (CONFIG_KRECOVER) in the harness with krecover
 * (kr_harness.c attaches it). With stubs, the whole pass pipeline runs.
 */
export function buildE1000Harness(dir: string, build: DriverBuild): string {
  const includes = [`-I${root}/runtime-c/include`, `-I${root}/annotations`];
  const cpp = ['-std=gnu11', '-DCONFIG_KRECOVER', ...includes];
  const drivers = ['e1000_main.c', 'e1000_ethtool.c'].map((f) => join(root, 'examples/e1000', f));
  const units = build.stubs
    ? ['-x', 'cpp-output', ...drivers.map((src) => fgftcUnit(src, dir, cpp, { stubs: { enabled: true } })), '-x', 'c']
    : ['-x', 'c', ...drivers];
  const args = [
    ...cpp, '-Wall', '-Wextra', '-Werror', '-O2', '-g', ...(build.extraFlags ?? []),
    ...units, ...krecoverCoreSources, krecoverMachineSource, krecoverHarnessSource,
    ...runtimeSources('shim'), ...runtimeSources('dev'), ...runtimeSources('harness'),
  ];
  return link(args, join(dir, build.stubs ? 'e1000-harness' : 'e1000-harness-plain'), dir);
}

/**
 * test/recovery/c/shim_drv.c (a PCI network driver holding every tracked
 * resource type) with shim_main.c on the kernel shim, with the machine part
 * of krecover.
 */
export function buildShimDriver(dir: string, build: DriverBuild): string {
  const includes = [`-I${root}/runtime-c/include`, `-I${root}/annotations`];
  const cpp = ['-std=c11', '-D_DEFAULT_SOURCE', ...includes];
  const c = (f: string): string => join(root, 'test/recovery/c', f);
  const unit = build.stubs
    ? ['-x', 'cpp-output', fgftcUnit(c('shim_drv.c'), dir, cpp, { stubs: { enabled: true } }, stubPasses), '-x', 'c']
    : ['-x', 'c', c('shim_drv.c')];
  const args = [
    ...cpp, '-Wall', '-Wextra', '-Werror', '-O2', '-g', ...(build.extraFlags ?? []),
    ...unit, c('shim_main.c'), c('wall_clock.c'), ...krecoverCoreSources, krecoverMachineSource, ...runtimeSources('shim'),
  ];
  return link(args, join(dir, build.stubs ? 'shim_main' : 'shim_main_plain'), dir);
}
