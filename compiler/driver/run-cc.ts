// Running the real compiler: argument arrays only (never a shell), its stderr
// and stdout passed straight through, its exit status kept.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../diagnostics.js';
import { quoteResponseWord } from './response-files.js';

/** How a finished compiler process ended. */
export interface CcResult {
  status: number; // exit status; 128+N if killed by signal N
  signal?: NodeJS.Signals;
  /** With captureStderr: what cc wrote to stderr. */
  stderr?: Buffer;
}

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

function childEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, [NESTING_VARIABLE]: String(Number(process.env[NESTING_VARIABLE] ?? 0) + 1) };
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

function resultOf(status: number | null, signal: NodeJS.Signals | null): CcResult {
  if (signal) {
    const number = (constants.signals as Record<string, number>)[signal] ?? 1;
    return { status: 128 + number, signal };
  }
  return { status: status ?? 1 };
}

/** Run cc to completion. */
export function runCc(cc: readonly string[], args: readonly string[], options: RunOptions = {}): CcResult {
  const r = spawnSync(cc[0], [...cc.slice(1), ...argumentsFor(args, options)], {
    stdio: ['inherit', 'inherit', options.captureStderr ? 'pipe' : 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
    env: childEnvironment(),
  });
  if (r.error) throw cannotRun(cc, r.error as NodeJS.ErrnoException);
  return { ...resultOf(r.status, r.signal), stderr: options.captureStderr ? r.stderr : undefined };
}

/** Start cc and resolve when it ends, so the driver can load the front end meanwhile. */
export function startCc(cc: readonly string[], args: readonly string[], options: RunOptions = {}): Promise<CcResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cc[0], [...cc.slice(1), ...argumentsFor(args, options)], { stdio: 'inherit', env: childEnvironment() });
    child.once('error', (err) => reject(cannotRun(cc, err)));
    child.once('close', (status, signal) => resolve(resultOf(status, signal)));
  });
}
