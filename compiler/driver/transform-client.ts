// The client side of the warm transform server: send one request, get the
// result, or undefined whenever the server cannot help (none yet, busy
// starting, gone, broken), in which case the caller transforms in-process.
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ServerAddress } from './server-address.js';
import type { UnitRequest, UnitResult } from './transform-unit.js';

const CONNECT_TIMEOUT_MS = 300;
const REPLY_TIMEOUT_MS = 120_000;
const STALE_START_LOCK_MS = 10_000;

type Reply = { ok: true; result: UnitResult } | { ok: false; message: string };

/** Start a server in the background, unless another client is already starting one. */
function startServer(address: ServerAddress): void {
  try {
    if (Date.now() - statSync(address.startLock).mtimeMs > STALE_START_LOCK_MS) rmSync(address.startLock, { force: true });
  } catch {
    // no lock: nobody is starting one
  }
  try {
    closeSync(openSync(address.startLock, 'wx'));
  } catch {
    return; // someone else is starting it
  }
  const script = fileURLToPath(new URL('./transform-server.js', import.meta.url));
  const child = spawn(process.execPath, [script, address.socket, address.startLock, address.pidFile], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => rmSync(address.startLock, { force: true }));
  child.unref();
}

/** Ask the server; undefined means "do it yourself". A server-side transform error is thrown. */
export function transformViaServer(address: ServerAddress, request: UnitRequest, cwd: string): Promise<UnitResult | undefined> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(address.socket);
    let data = '';
    let connected = false;
    const giveUp = (): void => {
      conn.destroy();
      resolve(undefined);
    };
    conn.setTimeout(CONNECT_TIMEOUT_MS, giveUp);
    conn.setEncoding('utf8');
    conn.once('connect', () => {
      connected = true;
      conn.setTimeout(REPLY_TIMEOUT_MS, giveUp);
      conn.write(JSON.stringify({ ...request, cwd }) + '\n');
    });
    conn.on('data', (chunk: string) => (data += chunk));
    conn.on('end', () => {
      let reply: Reply;
      try {
        reply = JSON.parse(data) as Reply;
      } catch {
        resolve(undefined);
        return;
      }
      if (reply.ok) resolve(reply.result);
      else reject(new Error(reply.message));
    });
    conn.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED')) startServer(address);
      resolve(undefined);
    });
  });
}
