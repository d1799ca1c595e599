// Running the real compiler: argument arrays only (never a shell), its stderr
// and stdout passed straight through, its exit status kept. cc is this
// process's child, or the compile-server client's (DriverIO.runCc).
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';
import type { CcOutcome, DriverIO } from './driver-io.js';
import { quoteResponseWord } from './response-files.js';

/** How a finished compiler process ended. */
export type CcResult = CcOutcome;

export interface RunOptions {
  /** Keep cc's stderr (to decide which diagnostics to show) instead of passing it through. */
  captureStderr?: boolean;
  /** Directory for a response file when the command line is too long for exec. */
  tempDir?: () => string;
}

// Each cc process gets FGFTC_NESTING one higher: a --cc/FGFTC_CC that leads back to fgftc
// is stopped after a few rounds instead of forking forever.
export const NESTING_VARIABLE = 'FGFTC_NESTING';
export const MAX_NESTING = 3;

function nestingFor(env: NodeJS.ProcessEnv): string {
  return String(Number(env[NESTING_VARIABLE] ?? 0) + 1);
}

function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, [NESTING_VARIABLE]: nestingFor(env) };
}

// Linux refuses single arguments over 128 KiB and whole command lines near ARG_MAX;
// past this size the arguments go into a response file, which gcc reads itself.
const RESPONSE_FILE_THRESHOLD = 96 * 1024;

function argumentsFor(args: readonly string[], options: RunOptions): string[] {
  const size = args.reduce((n, a) => n + a.length + 1, 0);
  if (size < RESPONSE_FILE_THRESHOLD || !options.tempDir) return [...args];
  const file = join(options.tempDir(), 'args.rsp');
  writeFileSync(file, args.map(quoteResponseWord).join('\n') + '\n', 'latin1');
  return [`@${file}`];
}

function cannotRun(cc: readonly string[], err: NodeJS.ErrnoException): UserError {
  const why = err.code === 'ENOENT' ? 'No such file or directory' : err.code === 'EACCES' ? 'Permission denied' : err.message;
  return new UserError(`cannot run the C compiler '${cc[0]}': ${why} (set it with --cc= or FGFTC_CC)`);
}

export function signalStatus(signal: NodeJS.Signals): number {
  return 128 + ((constants.signals as Record<string, number>)[signal] ?? 1);
}

function resultOf(status: number | null, signal: NodeJS.Signals | null): CcResult {
  if (signal) return { status: signalStatus(signal), signal };
  return { status: status ?? 1 };
}

/** Run cc to completion with this process's stdio (`fgftc --version`). */
export function runCc(cc: readonly string[], args: readonly string[], options: RunOptions = {}): CcResult {
  const r = spawnSync(cc[0], [...cc.slice(1), ...argumentsFor(args, options)], {
    stdio: ['inherit', 'inherit', options.captureStderr ? 'pipe' : 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
    env: childEnvironment(process.env),
  });
  if (r.error) throw cannotRun(cc, r.error as NodeJS.ErrnoException);
  return { ...resultOf(r.status, r.signal), stderr: options.captureStderr ? r.stderr : undefined };
}

/**
 * Run cc for a driver run and resolve when it has ended (its output passed
 * on); the driver may meanwhile load the front end.
 */
export async function startCc(io: DriverIO, cc: readonly string[], args: readonly string[], options: RunOptions = {}): Promise<CcResult> {
  const command = [...cc, ...argumentsFor(args, options)];
  const captureStderr = options.captureStderr === true;
  if (io.runCc) {
    const outcome = await io.runCc(command, { captureStderr, nesting: nestingFor(io.env) });
    if ('error' in outcome) throw cannotRun(cc, Object.assign(new Error(outcome.error), { code: outcome.error }));
    return outcome;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), {
      stdio: ['inherit', 'inherit', captureStderr ? 'pipe' : 'inherit'],
      env: childEnvironment(io.env),
      cwd: io.cwd,
    });
    const captured: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => captured.push(chunk));
    child.once('error', (err) => reject(cannotRun(cc, err)));
    // 'close': the process has ended and a captured stderr is drained.
    child.once('close', (status, signal) => {
      resolve({ ...resultOf(status, signal), stderr: captureStderr ? Buffer.concat(captured) : undefined });
    });
  });
}

/** The name of signal number n (for an outcome reported by number). */
export function signalName(n: number): NodeJS.Signals | undefined {
  return (Object.keys(constants.signals) as NodeJS.Signals[]).find((name) => constants.signals[name] === n);
}
