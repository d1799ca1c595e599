// The compile server behind the native client (native/fgftc-client.c): a
// Unix socket where a `CC=fgftc` call hands over its whole command line,
// directory and environment, gets back what fgftc writes and the cc commands
// to run (the client runs them as its children), then the exit status, without
// starting Node itself (compile-protocol.ts). This process only accepts and
// dispatches: each request goes, with its connection, to an idle warm worker
// (compile-worker.ts, one request at a time, since the driver takes on the
// client's directory). Workers are added while all are busy, up to a cap; one
// idle for FGFTC_SERVER_IDLE_MS is let go, and the server leaves when it has
// been idle that long. A request from another build of fgftc (the bundle was
// rebuilt) makes this server retire. Started detached by the native client:
//   node dist/bundle/compile-server.js SOCKET START-LOCK PID-FILE
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { FRAME, FrameReader, buildIdOf, decodeRequest, encodeFrame, type CompileRequest } from './compile-protocol.js';
import { alreadyServed } from './server-address.js';

const IDLE_MS = Number(process.env.FGFTC_SERVER_IDLE_MS ?? 15_000);
// make -jN sends up to N requests at once; one more worker than CPUs keeps a warm spare for the next.
const MAX_WORKERS = Math.max(1, Math.floor(Number(process.env.FGFTC_SERVER_WORKERS)) || Math.min(8, availableParallelism()) + 1);
const REQUEST_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 2_000;

// This script's own directory holds the bundle it belongs to: its entry (the build id) and the worker.
const here = dirname(process.argv[1] ?? '.');
const bundleEntry = join(here, 'cli.js');
const workerScript = join(here, 'compile-worker.js');
const ownBuild = buildIdOf(bundleEntry);

interface Worker {
  child: ChildProcess;
  ready: boolean;
  busy: boolean;
  leaving?: boolean;
  idleTimer?: NodeJS.Timeout;
}

interface Pending {
  conn: Socket;
  request: CompileRequest;
}

const workers: Worker[] = [];
const queue: Pending[] = [];
let retired = false;
let failedStarts = 0; // workers in a row that exited before they were ready
const MAX_FAILED_STARTS = 3;
const BROKEN = 'compile-server workers fail to start';
let idleTimer: NodeJS.Timeout | undefined;
let stop: () => void = () => process.exit(0);

function reply(conn: Socket, type: number, reason: string): void {
  conn.end(encodeFrame(type, reason));
}

function spawnWorker(): void {
  const worker: Worker = {
    child: fork(workerScript, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], cwd: '/' }),
    ready: false,
    busy: false,
  };
  workers.push(worker);
  worker.child.on('message', (message: { type?: string }) => {
    if (message.type !== 'ready' && message.type !== 'done') return;
    if (message.type === 'ready') failedStarts = 0;
    worker.ready = true;
    worker.busy = false;
    becameIdle(worker);
    dispatch();
  });
  const gone = (): void => {
    const k = workers.indexOf(worker);
    if (k < 0) return;
    workers.splice(k, 1);
    clearTimeout(worker.idleTimer);
    if (!worker.ready) failedStarts++;
    dispatch();
  };
  worker.child.on('exit', gone);
  worker.child.on('error', () => {
    worker.child.kill('SIGKILL');
    gone();
  });
}

/** A worker idle for IDLE_MS leaves if another idle one stays (the spare; the server leaves when all are idle). */
function becameIdle(worker: Worker): void {
  clearTimeout(worker.idleTimer);
  worker.idleTimer = setTimeout(() => {
    const otherIdle = workers.some((w) => w !== worker && w.ready && !w.busy && !w.leaving);
    if (worker.busy || !otherIdle) return;
    worker.leaving = true; // neither given work nor counted as the idle one that stays
    worker.child.kill('SIGTERM');
  }, IDLE_MS);
}

/** Hand queued requests to idle workers; keep one spare (warming or idle) while under the cap. */
function dispatch(): void {
  if (failedStarts >= MAX_FAILED_STARTS) {
    // Workers die before they are ready (a broken installation): decline, so that Node runs each call and
    // says what is wrong, and keep listening until idle, so that clients do not start server after server.
    for (const p of queue.splice(0)) reply(p.conn, FRAME.decline, BROKEN);
    return;
  }
  for (;;) {
    const worker = workers.find((w) => w.ready && !w.busy && !w.leaving);
    const next = worker && queue.shift();
    if (!worker || !next) break;
    worker.busy = true;
    clearTimeout(worker.idleTimer);
    worker.child.send({ type: 'request', request: next.request }, next.conn, (err) => {
      if (!err) return;
      next.conn.destroy(); // the client falls back to running fgftc itself
      worker.child.kill('SIGTERM');
    });
  }
  if (retired) {
    // No new workers (they would load the new build): those left serve the queue, or nobody does.
    if (workers.length === 0) for (const p of queue.splice(0)) reply(p.conn, FRAME.retired, 'the compile server retired');
    if (queue.length === 0 && workers.every((w) => !w.busy)) stop();
    return;
  }
  const spare = workers.some((w) => !w.busy && !w.leaving);
  if (!spare && workers.length < MAX_WORKERS) spawnWorker();
}

function touch(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (queue.length > 0 || workers.some((w) => w.busy)) touch();
    else stop();
  }, IDLE_MS);
}

/** Another build of fgftc is installed here now: take no more requests, finish those in hand, leave. */
function retire(closeListener: () => void): void {
  if (retired) return;
  retired = true;
  closeListener();
  dispatch();
}

function accept(conn: Socket, request: CompileRequest, closeListener: () => void): void {
  if (request.buildId !== ownBuild) {
    if (buildIdOf(bundleEntry) !== ownBuild) {
      reply(conn, FRAME.retired, 'fgftc was rebuilt: the compile server retired');
      retire(closeListener);
    } else {
      reply(conn, FRAME.decline, `client of build ${request.buildId}, server of build ${ownBuild}`);
    }
    return;
  }
  if (retired) {
    reply(conn, FRAME.retired, 'the compile server retired');
    return;
  }
  if (failedStarts >= MAX_FAILED_STARTS) {
    reply(conn, FRAME.decline, BROKEN);
    return;
  }
  queue.push({ conn, request });
  dispatch();
}

/** Read the request frame, then stop reading: the worker that gets the connection reads the rest. */
function receive(conn: Socket, closeListener: () => void): void {
  touch();
  const reader = new FrameReader();
  conn.setTimeout(REQUEST_TIMEOUT_MS, () => conn.destroy());
  conn.on('error', () => conn.destroy());
  const onData = (chunk: Buffer): void => {
    let request: CompileRequest;
    try {
      const [first] = reader.push(chunk);
      if (first === undefined) return;
      if (first.type !== FRAME.request) throw new Error('expected a request');
      request = decodeRequest(first.data);
    } catch (err) {
      conn.off('data', onData);
      reply(conn, FRAME.decline, `bad request: ${(err as Error).message}`);
      return;
    }
    conn.off('data', onData);
    conn.pause();
    conn.setTimeout(0);
    accept(conn, request, closeListener);
  };
  conn.on('data', onData);
}

async function main([socket, startLock, pidFile]: string[]): Promise<void> {
  if (!socket || !startLock || !pidFile) throw new Error('usage: compile-server SOCKET START-LOCK PID-FILE');
  if (await alreadyServed(socket)) {
    rmSync(startLock, { force: true });
    return; // another server won the race
  }
  rmSync(socket, { force: true }); // a dead server's socket
  let listening = true;
  const closeListener = (): void => {
    if (!listening) return;
    listening = false;
    server.close();
    rmSync(socket, { force: true });
    rmSync(pidFile, { force: true });
  };
  const server = createServer({ pauseOnConnect: false }, (conn) => receive(conn, closeListener));
  // Leave once the replies in flight are written (every handle closed), or after a grace period.
  stop = (): void => {
    closeListener();
    clearTimeout(idleTimer);
    for (const w of workers) w.child.kill('SIGTERM');
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(s, () => stop());
  server.on('error', () => {
    rmSync(startLock, { force: true });
    process.exit(0);
  });
  server.listen(socket, () => {
    writeFileSync(pidFile, String(process.pid));
    rmSync(startLock, { force: true });
    spawnWorker(); // more follow as calls keep all busy (measured: starting two at once is no faster)
    touch();
  });
}

main(process.argv.slice(2)).catch(() => process.exit(1));
