// The Node side of the runtime's fork server (fault-inject/runtime/fgft_fault.c):
// one long-lived harness process per worker and argument set, forking a child
// per trial before main, which saves an exec and a Node spawn per trial.
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable, Writable } from 'node:stream';

export interface ServedRun {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
}

// First name wins: SIGABRT rather than its alias SIGIOT, as spawn() reports it.
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, n] of Object.entries(constants.signals)) if (!SIGNAL_NAMES.has(n as number)) SIGNAL_NAMES.set(n as number, name);
const HELLO = 'fgft-forkserver 1';

/** Decode a POSIX wait status. */
export function decodeWaitStatus(status: number): { exitCode: number | null; signal: string | null } {
  const sig = status & 0x7f;
  if (sig === 0) return { exitCode: (status >> 8) & 0xff, signal: null };
  return { exitCode: null, signal: SIGNAL_NAMES.get(sig) ?? `SIG${sig}` };
}

export class ForkServer {
  private buffered = '';
  private readonly lines: string[] = []; // replies nobody waits for yet (two can come in one chunk)
  private waiters: ((line: string | null) => void)[] = [];
  private closed = false;

  private constructor(
    private readonly proc: ChildProcess,
    private readonly requests: Writable,
    replies: Readable,
  ) {
    replies.setEncoding('latin1');
    replies.on('data', (chunk: string) => {
      this.buffered += chunk;
      let nl: number;
      while ((nl = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, nl);
        this.buffered = this.buffered.slice(nl + 1);
        const waiter = this.waiters.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
    const end = (): void => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w(null);
    };
    replies.on('close', end);
    proc.on('exit', end);
  }

  private nextLine(timeoutMs?: number): Promise<string | null> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter = (line: string | null): void => {
        if (timer) clearTimeout(timer);
        resolve(line);
      };
      this.waiters.push(waiter);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          resolve(null);
        }, timeoutMs);
      }
    });
  }

  /** Start a server; undefined if the binary has no fork server (not built with the fault runtime). */
  static async start(exe: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<ForkServer | undefined> {
    const proc = spawn(exe, [...args], {
      env: { ...env, FGFT_FORKSERVER: '3,4' },
      cwd,
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    proc.on('error', () => {});
    const server = new ForkServer(proc, proc.stdio[3] as Writable, proc.stdio[4] as Readable);
    (proc.stdio[3] as Writable).on('error', () => {});
    const hello = await server.nextLine(5000);
    if (hello !== HELLO) {
      server.close();
      return undefined;
    }
    return server;
  }

  get alive(): boolean {
    return !this.closed;
  }

  /** One trial: the child's stdout/stderr go to the files; killed (with its group) after timeoutMs. */
  async run(site: string, stdoutPath: string, stderrPath: string, reportPath: string, timeoutMs: number): Promise<ServedRun | undefined> {
    if (/[\t\n]/.test(site + stdoutPath + stderrPath + reportPath)) throw new Error('fork server request with a tab or newline');
    this.requests.write(`${site}\t${stdoutPath}\t${stderrPath}\t${reportPath}\n`);
    const pidLine = await this.nextLine(5000);
    const pid = Number(pidLine);
    if (pidLine === null || !Number.isInteger(pid)) return undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    // The server answers once the child is reaped; the margin only guards against a wedged server.
    const done = await this.nextLine(timeoutMs + 10_000);
    clearTimeout(timer);
    const m = done === null ? null : /^(\d+) (\d+)$/.exec(done);
    if (!m || Number(m[1]) !== pid) return undefined;
    if (timedOut) return { exitCode: null, signal: null, timedOut: true };
    return { ...decodeWaitStatus(Number(m[2])), timedOut: false };
  }

  close(): void {
    this.closed = true;
    this.requests.end();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}
