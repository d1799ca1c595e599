// Builds for the harness tests: the simulator library, the test driver and the example e1000 driver (plain gcc),
// each harness binary in a private temporary directory so test files can run in parallel.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeScratchDir } from '../scratch.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RUNTIME = path.join(ROOT, 'runtime-c');
export const EXAMPLE = path.join(ROOT, 'examples', 'e1000');

export function buildRuntime(): string {
  execFileSync('make', ['-s', '-C', RUNTIME], { stdio: 'pipe' });
  return path.join(RUNTIME, 'build', 'libfgftsim.a');
}

export function tempDir(prefix: string): string {
  return makeScratchDir(`fgft-${prefix}`);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

const CFLAGS = ['-std=c11', '-Wall', '-Wextra', '-Werror', '-O2', '-g'];

/** The test driver in test/harness/testdrv.c linked with the machine. */
export function buildTestDriver(dir: string): string {
  buildRuntime();
  const obj = path.join(dir, 'testdrv.o');
  const bin = path.join(dir, 'testdrv-harness');
  execFileSync('gcc', [...CFLAGS, `-I${path.join(RUNTIME, 'include')}`, '-c', path.join(ROOT, 'test/harness/testdrv.c'), '-o', obj]);
  execFileSync('gcc', [obj, `-L${path.join(RUNTIME, 'build')}`, '-lfgftsim', '-o', bin]);
  return bin;
}

export function exampleExists(): boolean {
  return existsSync(path.join(EXAMPLE, 'Makefile')) && existsSync(path.join(EXAMPLE, 'e1000_main.c'));
}

/** `make -C examples/e1000 VAR=...` with objects and binary under dir; a failed build throws with make's output. */
export function makeExample(dir: string, vars: string[] = []): { bin: string; output: string } {
  buildRuntime();
  const bin = path.join(dir, 'e1000-harness');
  const r = spawnSync('make', ['-C', EXAMPLE, `BUILD=${path.join(dir, 'obj')}`, `BIN=${bin}`, ...vars, bin], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`make ${vars.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return { bin, output: r.stdout + r.stderr };
}

/** The example driver built plain (`make CC=gcc`), with its objects and binary kept in dir. */
export function buildExamplePlain(dir: string): string {
  return makeExample(dir, ['CC=gcc']).bin;
}

export interface StreamStats {
  offered: number;
  delivered: number;
  lost: number;
  corrupted: number;
  duplicated: number;
  errored: number; // not delivered, reported to the application (dropped by a failed driver, carrier lost)
  resent: number; // retried by the sender after the carrier came back
}

export interface HarnessReport {
  workload: string;
  driver: string;
  driver_version: string;
  driver_stats: { tx_packets: number; rx_packets: number; tx_errors: number; rx_errors: number; tx_dropped: number; rx_dropped: number };
  frames: number;
  seed: number;
  device_faults: string;
  load_error: number;
  bringup: { retries: number; first_error: number }; // bring-up retried after the driver was restarted
  pass: boolean;
  timed_out: boolean;
  tx: StreamStats;
  rx: StreamStats;
  app_errors: { xmit_busy: number; config_errors: number; rr_timeouts: number; refused: number };
  sim_ns: number;
  traffic_ns: number;
  wall_ns: number;
  frames_per_s: number;
  mbit_per_s: number;
  wall_us_per_frame: number;
  driver_ns: number;
  harness_us_per_frame: number;
  device: Record<string, number>;
  tx_timeouts: number;
  irq_storms: number;
  dma_faults: number;
  denials: Record<string, number>;
  violations: Record<string, number>;
  link_downs: number;
  leaks: number;
  changes: { at_frame: number; kind: string; value: number; applied: boolean; result: number }[];
}

export interface HarnessRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report?: HarnessReport;
}

/** Run a harness binary with arguments; parses the JSON report when the run produced one. */
export function runHarness(bin: string, args: string[], env: Record<string, string> = {}): HarnessRun {
  const dir = tempDir('run');
  const json = path.join(dir, 'report.json');
  try {
    const r = spawnSync(bin, [...args, '--json', json, '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    const run: HarnessRun = { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
    if (existsSync(json)) run.report = JSON.parse(readFileSync(json, 'utf8')) as HarnessReport;
    return run;
  } finally {
    removeDir(dir);
  }
}
