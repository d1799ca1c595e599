// Shared by the recovery tests: preprocess C with gcc, run it through the
// pipeline with stubs on, and compile the result with gcc.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transformTranslationUnit, type TransformResult } from '../../compiler/pipeline.js';
import type { TransformOptions } from '../../compiler/passes/pass.js';
import type { HarnessReport } from '../harness/build.js';
import { buildE1000Harness as buildE1000, buildShimDriver, krecoverCoreSources, stubPasses } from '../../bench/recovery-build.js';
import { makeScratchDir } from '../scratch.js';

export { krecoverCoreSources };

export const repo = resolve(import.meta.dirname, '../..');
export const cflags = ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O2'];

export function scratchDir(): string {
  return makeScratchDir('fgftc-recovery');
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
  return transformTranslationUnit(join(dir, 'drv.c'), pre, { stubs: options }, stubPasses);
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

/**
 * Build test/recovery/c/recovery_main.c against mini_drv.c sent through the
 * stubs pass. Returns the executable's path; throws with gcc's messages.
 */
export function buildMiniDriverProgram(dir: string, extraFlags: string[] = []): string {
  const source = readFileSync(join(repo, 'test/recovery/c/mini_drv.c'), 'latin1');
  // Stubs and bounds checks (failures go to krecover), as `make KRECOVER=1` builds a driver.
  const pre = preprocess(source, dir, 'drv.c', [`-I${repo}/test/recovery/c`]);
  const result = transformTranslationUnit(join(dir, 'drv.c'), pre, {
    stubs: { enabled: true },
    bounds: { optimize: true, failMode: 'recover' },
  });
  const errors = result.diagnostics.list.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  writeLatin1(dir, 'mini_drv.i', result.output);
  const exe = join(dir, 'recovery_main');
  const args = [
    ...cflags,
    ...extraFlags,
    `-I${repo}/runtime-c/include`,
    `-I${repo}/annotations`,
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

/** shim_drv.c through the stubs pass on the kernel shim (bench/recovery-build.ts). */
export function buildShimDriverProgram(dir: string, extraFlags: string[] = []): string {
  return buildShimDriver(dir, { stubs: true, extraFlags });
}

/** The example e1000 driver through the whole pipeline with stubs, in the harness with krecover. */
export function buildE1000Harness(dir: string, extraFlags: string[] = []): string {
  return buildE1000(dir, { stubs: true, extraFlags });
}

/** Run a scenario; its output (stdout, then stderr) as `key=value` / `key: value` pairs, plus the raw streams. */
export function runScenario(exe: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(exe, args, { encoding: 'latin1', timeout: 60_000, env: { ...process.env, ...env } });
  const values = new Map<string, string>();
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
    for (const m of line.matchAll(/([\w.-]+)=(\S+)/g)) values.set(m[1], m[2]);
    const colon = /^([\w.-]+): (.*)$/.exec(line);
    if (colon) values.set(colon[1], colon[2]);
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, values };
}

/** A harness run with recovery: the JSON report (never the text table), plus `key: value` lines of stderr. */
export interface HarnessScenario extends ReturnType<typeof runScenario> {
  report: HarnessReport;
}

/**
 * Run a harness binary with `--json`; the report is parsed from the JSON file, the krecover statistics
 * (KRECOVER_STATS=1) from stderr. Throws with the output when the run wrote no report.
 */
export function runHarnessScenario(exe: string, args: string[], env: Record<string, string> = {}): HarnessScenario {
  const dir = scratchDir();
  const json = join(dir, 'report.json');
  try {
    const r = runScenario(exe, [...args, '--json', json, '--quiet'], env);
    if (!existsSync(json)) throw new Error(`no harness report (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
    return { ...r, report: JSON.parse(readFileSync(json, 'utf8')) as HarnessReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
