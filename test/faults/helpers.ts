// Shared by the fault tests: preprocess the fixture driver, transform it with
// a fault option, build it with the fixture kernel and harness, run it.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transformTranslationUnit, type TransformResult } from '../../compiler/pipeline.js';
import type { TransformOptions } from '../../compiler/passes/pass.js';
import { makeScratchDir } from '../scratch.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const RUNTIME_C = join(import.meta.dirname, '../../fault-inject/runtime/fgft_fault.c');
export const RUNTIME_DIR = join(import.meta.dirname, '../../fault-inject/runtime');
const execFileAsync = promisify(execFile);

export function workDir(name: string): string {
  const dir = makeScratchDir(`fgftc-faults-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function preprocess(file: string, flags: string[] = []): string {
  return execFileSync('gcc', ['-E', ...flags, `-I${FIXTURES}`, file], { encoding: 'latin1' });
}

const preprocessed = new Map<string, string>();
export function preprocessedDriver(name = 'driver.c'): { path: string; text: string } {
  const path = join(FIXTURES, name);
  let text = preprocessed.get(path);
  if (text === undefined) {
    text = preprocess(path);
    preprocessed.set(path, text);
  }
  return { path, text };
}

export function transformDriver(fault: TransformOptions['fault'], name = 'driver.c'): TransformResult {
  const { path, text } = preprocessedDriver(name);
  return transformTranslationUnit(path, text, { fault });
}

export interface BuildResult {
  ok: boolean;
  exe: string;
  stderr: string;
}

const CFLAGS = ['-std=gnu11', '-O1', '-Wall', '-Wextra', `-I${FIXTURES}`, `-I${RUNTIME_DIR}`];
const objectCache = new Map<string, Promise<string[]>>();

/** The fixture kernel, a harness and the fault runtime, compiled once per directory and harness. */
function commonObjects(dir: string, harness: string): Promise<string[]> {
  const key = `${dir}\0${harness}`;
  let objects = objectCache.get(key);
  if (!objects) {
    const sources = [join(FIXTURES, 'kernel.c'), harness, RUNTIME_C];
    objects = Promise.all(
      sources.map(async (src, i) => {
        const obj = join(dir, `common-${objectCache.size}-${i}.o`);
        await execFileAsync('gcc', [...CFLAGS, '-c', '-o', obj, src]);
        return obj;
      }),
    );
    objectCache.set(key, objects);
  }
  return objects;
}

/** Compile an instrumented driver .i and link it with the fixture kernel, a harness and the fault runtime. */
export async function buildHarness(
  dir: string,
  tag: string,
  driverI: string,
  extra: string[] = [],
  harness = join(FIXTURES, 'harness.c'),
): Promise<BuildResult> {
  const iPath = join(dir, `${tag}.i`);
  const exe = join(dir, tag);
  writeFileSync(iPath, driverI, 'latin1');
  try {
    const objects = await commonObjects(dir, harness);
    const { stderr } = await execFileAsync('gcc', [...CFLAGS, '-o', exe, iPath, ...objects, ...extra], { encoding: 'latin1' });
    return { ok: true, exe, stderr };
  } catch (err) {
    return { ok: false, exe, stderr: String((err as { stderr?: string }).stderr ?? err) };
  }
}

export interface RunOutcome {
  stdout: string;
  status: number | null;
  signal: string | null;
  timedOut: boolean;
}

// Address-space randomisation off, so a corrupted pointer hits the same place in every build.
const NO_ASLR = spawnSync('setarch', ['-R', 'true']).status === 0;

export function run(exe: string, env: Record<string, string> = {}, timeoutMs = 2000, args: string[] = []): RunOutcome {
  const [cmd, argv] = NO_ASLR ? ['setarch', ['-R', exe, ...args]] : [exe, args];
  const r = spawnSync(cmd, argv, { encoding: 'latin1', env: { ...process.env, ...env }, timeout: timeoutMs });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { stdout: r.stdout ?? '', status: r.status, signal: timedOut ? 'TIMEOUT' : r.signal, timedOut };
}

/** What a run looks like from outside, for comparing two builds. */
export function fingerprint(o: RunOutcome): string {
  if (o.timedOut) return 'hang';
  return `${o.signal ?? `exit ${o.status}`}\n${o.stdout}`;
}

/** Run async jobs at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
