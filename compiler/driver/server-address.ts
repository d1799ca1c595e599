// Where a transform server listens: a Unix socket in a private per-user
// directory, named after the build of fgftc (a rebuilt fgftc never talks to a
// server running old code) and a slot (parallel make jobs spread over a few
// servers instead of queueing at one).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface ServerAddress {
  socket: string;
  /** Created (exclusively) by the client that starts the server; removed by the server once it listens. */
  startLock: string;
  /** The server's process id, for whoever needs to stop it. */
  pidFile: string;
}

const compilerDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Which fgftc this is: its location (two checkouts of one user never share a
 * server) and the newest modification time of its compiled code, as a short id.
 */
function buildId(): string {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(compilerDir);
  const where = createHash('sha256').update(compilerDir).digest('hex').slice(0, 8);
  return `${where}-${Math.round(newest).toString(36)}`;
}

/** A directory only this user can use, or undefined if it cannot be had safely. */
function privateDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const uid = process.getuid?.() ?? 0;
  const dir = env.FGFTC_SERVER_DIR || join(tmpdir(), `fgftc-server-${uid}`);
  try {
    // Not recursive: a missing TMPDIR (or FGFTC_SERVER_DIR parent) is the user's to create, not fgftc's.
    if (!existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o077) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

export function serverAddress(env: NodeJS.ProcessEnv): ServerAddress | undefined {
  const dir = privateDirectory(env);
  if (dir === undefined) return undefined;
  // FGFTC_SERVER_SLOTS: how many servers (default: one per CPU, at most 4).
  const slots = Math.max(1, Math.floor(Number(env.FGFTC_SERVER_SLOTS)) || Math.min(4, availableParallelism()));
  const slot = process.pid % slots;
  const base = join(dir, `${buildId()}-${slot}`);
  return { socket: `${base}.sock`, startLock: `${base}.starting`, pidFile: `${base}.pid` };
}

/** Is a server already listening on this socket (another server won the race to start)? */
export function alreadyServed(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection(socket);
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}
