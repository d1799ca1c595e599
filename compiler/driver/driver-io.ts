// Where one driver run reads its environment and working directory from and
// where its output goes. In a fgftc process of its own that is the process
// itself (cc is its child and inherits its stdio); in a compile-server worker
// it is the client that sent the request: fgftc's own output is sent to the
// client, and the client runs the cc commands as its own children.
import type { CommandLine } from './command-line.js';

/** How a cc command ended (run-cc.ts). */
export interface CcOutcome {
  status: number; // exit status; 128+N if killed by signal N
  signal?: NodeJS.Signals;
  /** With captureStderr: what cc wrote to stderr. */
  stderr?: Buffer;
}

/** cc run elsewhere: its outcome, or the errno code (ENOENT, ...) of a command that could not be started. */
export type RemoteCcOutcome = CcOutcome | { error: string };

export interface DriverIO {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** fgftc's own messages: diagnostics, debug lines, --stats=-. */
  writeStderr(text: string | Uint8Array): void;
  /** Data for stdout (-E without -o); resolves once handed over. */
  writeStdout(data: Uint8Array): Promise<void>;
  /** Whether gcc, running with this stderr, would colour its diagnostics (a tty, TERM not dumb). */
  stderrColours: boolean;
  /**
   * Run a cc command line (cc words first) in the client, with the client's stdio and environment
   * plus FGFTC_NESTING=nesting; unset: cc is this process's child.
   */
  runCc?(command: readonly string[], options: { captureStderr: boolean; nesting: string }): Promise<RemoteCcOutcome>;
  /** Milliseconds since this run began (FGFTC_DEBUG time stamps). */
  elapsedMs(): number;
}

/** gcc's rule for -fdiagnostics-color=auto: stderr is a terminal and TERM is set and not "dumb". */
export function gccWouldColour(stderrIsTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  return stderrIsTTY && env.TERM !== undefined && env.TERM !== 'dumb';
}

/** This process's own stdio, environment and directory (fgftc run as a command). */
export function processIO(env: NodeJS.ProcessEnv = process.env): DriverIO {
  return {
    env,
    cwd: process.cwd(),
    writeStderr: (text) => void process.stderr.write(text),
    writeStdout: (data) => new Promise((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve()))),
    stderrColours: gccWouldColour(process.stderr.isTTY === true, env),
    elapsedMs: () => performance.now(),
  };
}

/**
 * gcc does not colour a stderr that fgftc captures: ask for colour where the user would have seen
 * it (not for queries, whose output -### and -v show the words of).
 */
export function colourWords(cmd: CommandLine, io: DriverIO, captureStderr: boolean): string[] {
  if (!captureStderr || !io.stderrColours) return [];
  const userChose = cmd.items.some(
    (i) => i.type === 'option' && (i.role === 'query' || /^-f(no-)?diagnostics-colou?r/.test(i.name)),
  );
  return userChose ? [] : ['-fdiagnostics-color=always'];
}
