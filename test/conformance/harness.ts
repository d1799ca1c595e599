// Runs conformance cases: preprocess with gcc, transform in-process, compile
// the instrumented .i with the check runtime (compiled once), run, and report
// what happened. Work is spread over a small pool of gcc processes.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { transformTranslationUnit } from '../../compiler/pipeline.js';
import { makeScratchDir } from '../scratch.js';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');
const ANNOTATIONS = join(ROOT, 'annotations');
const RUNTIME = join(ROOT, 'runtime-c/checks/fgft_check.c');

export type Expectation =
  | { kind: 'clean'; output: string }
  | { kind: 'unchanged'; output: string }
  | { kind: 'runtime-fail'; check: string; line: number }
  | { kind: 'logged'; check: string; line: number; output: string }
  | { kind: 'compile-error'; line: number; fragment: string };

export interface Outcome {
  errors: { line: number; message: string }[];
  unchanged: boolean;
  compileOutput?: string; // gcc's complaints about the instrumented code
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  checksInserted: number;
  checksRemoved: number;
}

export type FailMode = 'abort' | 'log' | 'recover';

/** `// fail-mode: log` selects the compiled-in failure mode of a case (default abort). */
export function parseFailMode(src: string): FailMode {
  const m = /^\/\/ fail-mode: (abort|log|recover)\s*$/m.exec(src);
  return m ? (m[1] as FailMode) : 'abort';
}

export function parseExpectation(src: string): Expectation {
  const m = /^\/\/ expect: (\S+)\s*(.*)$/m.exec(src);
  if (!m) throw new Error('case has no "// expect:" line');
  const unquote = (s: string): string => JSON.parse(s) as string;
  switch (m[1]) {
    case 'clean':
    case 'unchanged':
      return { kind: m[1], output: unquote(m[2]) };
    case 'runtime-fail': {
      const [check, line] = m[2].split(/\s+/);
      return { kind: 'runtime-fail', check, line: Number(line) };
    }
    case 'logged': {
      const r = /^(\S+)\s+(\d+)\s+(".*")$/.exec(m[2]);
      if (!r) throw new Error(`bad logged expectation '${m[2]}'`);
      return { kind: 'logged', check: r[1], line: Number(r[2]), output: unquote(r[3]) };
    }
    case 'compile-error': {
      const r = /^(\d+)\s+(".*")$/.exec(m[2]);
      if (!r) throw new Error(`bad compile-error expectation '${m[2]}'`);
      return { kind: 'compile-error', line: Number(r[1]), fragment: unquote(r[2]) };
    }
    default:
      throw new Error(`unknown expectation '${m[1]}'`);
  }
}

/** Run `jobs` with at most `width` in flight. */
export async function pool<T, R>(items: T[], width: number, job: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const k = next++;
      out[k] = await job(items[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export class Harness {
  readonly dir = makeScratchDir('fgftc-conf');
  private runtimeObject?: Promise<string>;
  /** Built-and-run results by emitted text: the optimized and unoptimized builds of a case are often the same program. */
  private readonly byOutput = new Map<string, Promise<Partial<Outcome>>>();

  runtime(): Promise<string> {
    this.runtimeObject ??= (async () => {
      const obj = join(this.dir, 'fgft_check.o');
      await run('gcc', ['-std=c11', '-O1', '-Wall', '-Wextra', '-Werror', '-c', RUNTIME, '-o', obj]);
      return obj;
    })();
    return this.runtimeObject;
  }

  async preprocess(file: string): Promise<string> {
    const { stdout } = await run('gcc', ['-E', '-std=gnu11', '-D__FGFTC__', '-I', ANNOTATIONS, '-I', join(ROOT, 'runtime-c/checks'), file], { encoding: 'latin1', maxBuffer: 64 << 20 });
    return stdout;
  }

  /** Transform, build and run one case; `optimize` selects the check optimizer. */
  async runCase(file: string, optimize: boolean, pre?: string, failMode: FailMode = 'abort'): Promise<Outcome> {
    const text = pre ?? (await this.preprocess(file));
    const r = transformTranslationUnit(file, text, { bounds: { optimize, failMode } });
    const errors = r.diagnostics.list.filter((d) => d.severity === 'error').map((d) => ({ line: d.location?.line ?? 0, message: d.message }));
    const outcome: Outcome = { errors, unchanged: r.output === text, checksInserted: r.stats.checksInserted, checksRemoved: r.stats.checksRemoved };
    if (errors.length > 0) return outcome;
    const key = r.output;
    let built = this.byOutput.get(key);
    if (!built) {
      built = this.buildAndRun(r.output, join(this.dir, `${basename(file, '.c')}${optimize ? '' : '-noopt'}`));
      this.byOutput.set(key, built);
    }
    Object.assign(outcome, await built);
    return outcome;
  }

  private async buildAndRun(output: string, stem: string): Promise<Partial<Outcome>> {
    writeFileSync(`${stem}.i`, output, 'latin1');
    try {
      await run('gcc', ['-std=gnu11', '-O1', '-Wall', '-Wextra', '-Werror', '-x', 'cpp-output', `${stem}.i`, '-x', 'none', await this.runtime(), '-o', stem]);
    } catch (e) {
      return { compileOutput: String((e as { stderr?: string }).stderr ?? e) };
    }
    const env = { ...process.env };
    delete env.FGFT_CHECK_MODE;
    try {
      const { stdout, stderr } = await run(stem, [], { timeout: 10_000, env });
      return { exitCode: 0, stdout, stderr };
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      return { exitCode: typeof x.code === 'number' ? x.code : 128, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
    }
  }
}

export const WIDTH = Math.max(1, Math.min(2, cpus().length));

export function readCase(file: string): string {
  return readFileSync(file, 'latin1');
}
