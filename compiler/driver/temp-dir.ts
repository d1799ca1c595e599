// A private temporary directory for one driver run, created on first use and
// removed when the run ends, on normal exit and on SIGINT/SIGTERM/SIGHUP alike.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileErrors } from './file-errors.js';

const FATAL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export class TempDir {
  private dir: string | undefined;
  private subdirs = 0;
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}
  private readonly onExit = (): void => this.remove();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.remove();
    // Die of the same signal, so make sees how we ended.
    process.kill(process.pid, signal);
  };

  /** The directory itself (created on first call). */
  get path(): string {
    if (this.dir === undefined) {
      const parent = this.env.TMPDIR || tmpdir();
      this.dir = withFileErrors('create a temporary directory in', parent, () => mkdtempSync(join(parent, 'fgftc-')));
      process.once('exit', this.onExit);
      for (const s of FATAL_SIGNALS) process.once(s, this.onSignal);
    }
    return this.dir;
  }

  /** A fresh subdirectory, so that files of several inputs never collide. */
  newSubdir(): string {
    const sub = join(this.path, String(++this.subdirs));
    mkdirSync(sub);
    return sub;
  }

  remove(): void {
    if (this.dir === undefined) return;
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    process.removeListener('exit', this.onExit);
    for (const s of FATAL_SIGNALS) process.removeListener(s, this.onSignal);
  }
}
