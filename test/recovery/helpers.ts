// Shared by the recovery tests: preprocess C with gcc, run it through the
// pipeline with stubs on, and compile the result with gcc.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformTranslationUnit, type TransformResult } from '../../compiler/pipeline.js';
import { entryStubsPass } from '../../compiler/passes/stubs/index.js';
import { stripAnnotationsPass } from '../../compiler/passes/bounds/strip-annotations.js';
import type { TransformOptions } from '../../compiler/passes/pass.js';

export const repo = resolve(import.meta.dirname, '../..');
export const cflags = ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O2'];

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'fgftc-recovery-'));
}

/** gcc -E of a C source (latin1), with the annotations header on the include path. */
export function preprocess(source: string, dir: string, name = 'drv.c', flags: string[] = []): string {
  const file = join(dir, name);
  writeFileSync(file, source, 'latin1');
  const out = execFileSync('gcc', ['-E', '-D__FGFTC__', `-I${repo}/annotations`, ...flags, file], { cwd: dir });
  return out.toString('latin1');
}

/** Preprocess and run only the entry-stubs pass. */
export function stubify(source: string, dir: string, options: TransformOptions['stubs'] = { enabled: true }): TransformResult {
  const pre = preprocess(source, dir);
  return transformTranslationUnit(join(dir, 'drv.c'), pre, { stubs: options }, [stripAnnotationsPass, entryStubsPass]);
}

/** Compile (and optionally link) C; returns gcc's status and messages. */
export function gcc(args: string[], cwd: string): { status: number; stderr: string } {
  const r = spawnSync('gcc', args, { cwd, encoding: 'latin1' });
  return { status: r.status ?? -1, stderr: r.stderr };
}

export function writeLatin1(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text, 'latin1');
  return file;
}

/** The recovery runtime's core (no kernel shim needed) and the check runtime it hooks. */
export const krecoverCoreSources = ['kr_domain.c', 'kr_policy.c', 'kr_signals.c', 'kr_watchdog.c', 'kr_control.c', 'kr_checks.c', 'kr_inject.c']
  .map((f) => join(repo, 'runtime-c/krecover', f))
  .concat([join(repo, 'runtime-c/checks/fgft_check.c')]);

/**
 * Build test/recovery/c/recovery_main.c against mini_drv.c sent through the
 * stubs pass. Returns the executable's path; throws with gcc's messages.
 */
export function buildMiniDriverProgram(dir: string, extraFlags: string[] = []): string {
  const source = readFileSync(join(repo, 'test/recovery/c/mini_drv.c'), 'latin1');
  const result = stubify(source, dir);
  const errors = result.diagnostics.list.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  writeLatin1(dir, 'mini_drv.i', result.output);
  const exe = join(dir, 'recovery_main');
  const args = [
    ...cflags,
    ...extraFlags,
    `-I${repo}/runtime-c/include`,
    '-x', 'cpp-output', 'mini_drv.i',
    '-x', 'c', join(repo, 'test/recovery/c/recovery_main.c'),
    ...krecoverCoreSources,
    '-pthread',
    '-o', exe,
  ];
  const r = gcc(args, dir);
  if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}`);
  return exe;
}

/** Run a scenario; its output (stdout, then stderr) as `key=value` / `key: value` pairs, plus the raw streams. */
export function runScenario(exe: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(exe, args, { encoding: 'latin1', timeout: 20_000, env: { ...process.env, ...env } });
  const values = new Map<string, string>();
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
    for (const m of line.matchAll(/([\w.-]+)=(\S+)/g)) values.set(m[1], m[2]);
    const colon = /^([\w.-]+): (.*)$/.exec(line);
    if (colon) values.set(colon[1], colon[2]);
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, values };
}

/**
 * Build test/recovery/c/shim_main.c with shim_drv.c sent through the stubs
 * pass, linked with the kernel shim's sources (runtime-c/shim) and the whole
 * recovery runtime. Returns the executable's path.
 */
export function buildShimDriverProgram(dir: string, extraFlags: string[] = []): string {
  const flags = ['-std=c11', '-D_DEFAULT_SOURCE'];
  const includes = [`-I${repo}/runtime-c/include`, `-I${repo}/annotations`];
  const src = join(repo, 'test/recovery/c/shim_drv.c');
  const pre = execFileSync('gcc', ['-E', ...flags, '-D__FGFTC__', ...includes, src]).toString('latin1');
  const result = transformTranslationUnit(src, pre, { stubs: { enabled: true } }, [stripAnnotationsPass, entryStubsPass]);
  writeLatin1(dir, 'shim_drv.i', result.output);
  const shim = readdirSync(join(repo, 'runtime-c/shim'))
    .filter((f) => f.endsWith('.c'))
    .map((f) => join(repo, 'runtime-c/shim', f));
  const exe = join(dir, 'shim_main');
  const args = [
    ...flags, '-Wall', '-Wextra', '-Werror', '-O1', '-g', ...extraFlags, ...includes,
    '-x', 'cpp-output', 'shim_drv.i',
    '-x', 'c', join(repo, 'test/recovery/c/shim_main.c'), join(repo, 'test/recovery/c/wall_clock.c'),
    join(repo, 'runtime-c/krecover/kr_machine.c'),
    ...krecoverCoreSources, ...shim,
    '-pthread', '-lm', '-o', exe,
  ];
  const r = gcc(args, dir);
  if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}`);
  return exe;
}

/**
 * Build the example e1000 driver (examples/e1000, CONFIG_KRECOVER) through the
 * whole pass pipeline with stubs on, linked with the machine (shim, device
 * model, harness) and krecover including kr_harness.c. Returns the harness.
 */
export function buildE1000Harness(dir: string, extraFlags: string[] = []): string {
  const includes = [`-I${repo}/runtime-c/include`, `-I${repo}/annotations`];
  const units: string[] = [];
  for (const name of ['e1000_main', 'e1000_ethtool']) {
    const src = join(repo, 'examples/e1000', `${name}.c`);
    const pre = execFileSync('gcc', ['-E', '-std=gnu11', '-D__FGFTC__', '-DCONFIG_KRECOVER', ...includes, src]).toString('latin1');
    const result = transformTranslationUnit(src, pre, { stubs: { enabled: true } });
    const errors = result.diagnostics.list.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(JSON.stringify(errors));
    units.push(writeLatin1(dir, `${name}.i`, result.output));
  }
  const sources = (sub: string): string[] =>
    readdirSync(join(repo, 'runtime-c', sub))
      .filter((f) => f.endsWith('.c'))
      .map((f) => join(repo, 'runtime-c', sub, f));
  const exe = join(dir, 'e1000-harness');
  const args = [
    '-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O1', '-g', ...extraFlags, ...includes,
    '-x', 'cpp-output', ...units,
    '-x', 'c', ...sources('krecover'), join(repo, 'runtime-c/checks/fgft_check.c'),
    ...sources('shim'), ...sources('dev'), ...sources('harness'),
    '-pthread', '-lm', '-o', exe,
  ];
  const r = gcc(args, dir);
  if (r.status !== 0) throw new Error(`gcc failed:\n${r.stderr}`);
  return exe;
}

/** The harness's report table: stream counters and the summary lines. */
export function harnessReport(stdout: string): { offered: number; delivered: number; lost: number; leaks: number; violations: number; verdict: string } {
  const stream = /^\s+(?:send|recv)\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(stdout);
  const leaks = /leaked resources (\d+)/.exec(stdout);
  const violations = /api violations (\d+)/.exec(stdout);
  const verdict = /verdict\s+(\S+)/.exec(stdout);
  if (!stream || !leaks || !violations || !verdict) throw new Error(`no harness report in:\n${stdout}`);
  return {
    offered: Number(stream[1]),
    delivered: Number(stream[2]),
    lost: Number(stream[3]),
    leaks: Number(leaks[1]),
    violations: Number(violations[1]),
    verdict: verdict[1],
  };
}
