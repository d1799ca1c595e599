// One warm worker of the compile server (compile-server.ts): a Node process
// with the driver and the pipeline loaded, serving one client request at a
// time. The server hands it the client's connection; the worker takes on the
// client's directory, environment and umask, runs the normal driver with the
// client as its stdio and as the parent of its cc processes (DriverIO), and
// sends the exit status last.
import type { Socket } from 'node:net';
import { reportFailure } from '../diagnostics.js';
import { FRAME, FrameReader, decodeRan, encodeFrame, encodeRun, encodeStatus, type CompileRequest } from './compile-protocol.js';
import { gccWouldColour, type DriverIO, type RemoteCcOutcome } from './driver-io.js';
import { runDriver } from './driver.js';
import { expandResponseFiles } from './response-files.js';
import { signalName, signalStatus } from './run-cc.js';
import { loadPipeline } from './transform-unit.js';
import { warmUpSteps } from './worker-warmup.js';

// The pipeline keeps caches from unit to unit; a worker grown past this leaves after its request (the server
// starts another when it needs one), so that a long build does not keep a bloated process.
const MAX_RSS_BYTES = 1536 * 1024 * 1024;

/** Words that make a command need the client's own stdin or a path to its stdio: run it with Node there. */
function usesClientStdio(word: string): boolean {
  return word === '-' || /\/dev\/(stdin|stdout|stderr|fd\/)|\/proc\/self\/fd\//.test(word);
}

/**
 * Why this request is better run by fgftc in the client's process, or
 * undefined. compiler/cli.ts handles --help, --version and subcommands before
 * the driver; stdin cannot be forwarded.
 */
function declineReason(argv: readonly string[]): string | undefined {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '--version')) return `${argv[0]} is answered by fgftc's CLI`;
  if (argv[0] !== undefined && /^[a-z][a-z0-9-]*$/.test(argv[0])) return `'${argv[0]}' may be a subcommand`;
  let words: readonly string[] = argv;
  try {
    words = expandResponseFiles(argv).args;
  } catch {
    // the driver reports a broken @file itself
  }
  const word = words.find(usesClientStdio);
  return word === undefined ? undefined : `'${word}' refers to the client's stdio`;
}

/** Take on the client's process state for one request; the returned function restores the worker's. */
function becomeClient(request: CompileRequest): () => void {
  const ownEnv = { ...process.env };
  const ownUmask = process.umask(request.umask);
  process.chdir(request.cwd); // relative paths mean what they mean to the client
  replaceEnvironment(request.env); // for what reads process.env (os.tmpdir(), spawn's PATH search)
  return () => {
    replaceEnvironment(ownEnv);
    process.umask(ownUmask);
    process.chdir('/'); // never keep a client's directory busy
  };
}

function replaceEnvironment(env: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
}

/** Signals a client reports ('K'): the ones it forwards. */
const SIGNALS: Record<number, NodeJS.Signals> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 15: 'SIGTERM' };

/**
 * The client as the driver's stdio and as the parent of its cc processes: a
 * command goes to the client as a 'C' frame and its outcome comes back as 'S'.
 * An interrupted client ('K', or gone) ends the run: what waits for the client
 * resolves as killed by that signal, and no further cc starts.
 */
class ClientIO implements DriverIO {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stderrColours: boolean;
  private readonly startedAt = performance.now();
  private readonly waiting: Array<(outcome: RemoteCcOutcome) => void> = [];
  private interrupted?: NodeJS.Signals;

  constructor(
    request: CompileRequest,
    private readonly conn: Socket,
  ) {
    this.env = request.env;
    this.cwd = request.cwd;
    this.stderrColours = gccWouldColour(request.stderrIsTTY, request.env);
    const reader = new FrameReader();
    conn.on('data', (chunk: Buffer) => {
      try {
        for (const f of reader.push(chunk)) this.received(f.type, f.data);
      } catch {
        this.interrupt('SIGTERM');
      }
    });
    conn.on('close', () => this.interrupt('SIGTERM')); // the client is gone: nobody waits for this compile
    conn.on('error', () => conn.destroy());
  }

  private send(frame: Buffer): void {
    if (!this.conn.destroyed) this.conn.write(frame);
  }

  private received(type: number, data: Buffer): void {
    if (type === FRAME.kill && data.length === 4) this.interrupt(SIGNALS[data.readUInt32BE(0)] ?? 'SIGTERM');
    if (type !== FRAME.ran) return;
    const ran = decodeRan(data);
    const outcome: RemoteCcOutcome = ran.error
      ? { error: ran.error }
      : { status: ran.status, signal: ran.signal ? signalName(ran.signal) : undefined, stderr: ran.stderr };
    this.waiting.shift()?.(outcome);
  }

  private interrupt(signal: NodeJS.Signals): void {
    this.interrupted ??= signal;
    for (const resolve of this.waiting.splice(0)) resolve(this.killed());
  }

  private killed(): RemoteCcOutcome {
    const signal = this.interrupted ?? 'SIGTERM';
    return { status: signalStatus(signal), signal, stderr: Buffer.alloc(0) };
  }

  writeStderr(text: string | Uint8Array): void {
    this.send(encodeFrame(FRAME.stderr, text));
  }

  async writeStdout(data: Uint8Array): Promise<void> {
    this.send(encodeFrame(FRAME.stdout, data));
  }

  runCc(command: readonly string[], options: { captureStderr: boolean; nesting: string }): Promise<RemoteCcOutcome> {
    if (this.interrupted) return Promise.resolve(this.killed());
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.send(encodeRun(command, options.captureStderr, options.nesting));
    });
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }
}

/** Send the last frame; resolves once it is written (so the worker may leave), or the client is gone. */
function finish(conn: Socket, frame: Buffer): Promise<void> {
  if (conn.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    conn.once('close', resolve);
    conn.end(frame, resolve);
  });
}

async function serve(request: CompileRequest, conn: Socket): Promise<void> {
  conn.on('error', () => conn.destroy()); // a client gone mid-write: 'close' follows
  // First, before any work: the client now knows its call is under way and stops waiting once this
  // worker falls silent (FGFTC_SERVER_SILENT_MS); until this frame it may be queued behind long calls.
  conn.write(encodeFrame(FRAME.accepted));
  let restore: (() => void) | undefined;
  try {
    restore = becomeClient(request);
  } catch (err) {
    await finish(conn, encodeFrame(FRAME.decline, `cannot take on the client's directory: ${(err as Error).message}`));
    return;
  }
  try {
    const reason = declineReason(request.argv);
    if (reason !== undefined) {
      await finish(conn, encodeFrame(FRAME.decline, reason));
      return;
    }
    const io = new ClientIO(request, conn);
    if (io.env.FGFTC_DEBUG) io.writeStderr(`fgftc: debug: +0ms served by compile-server worker ${process.pid}\n`);
    let status: number;
    try {
      status = await runDriver(request.argv, request.env, io, { transformServer: false });
    } catch (err) {
      status = reportFailure(err, (text) => io.writeStderr(text), io.env);
    }
    await finish(conn, encodeStatus(status));
  } finally {
    restore();
  }
}

async function main(): Promise<void> {
  process.chdir('/');
  // What the driver loads lazily (so that a pass-through call in its own process starts fast) is loaded now.
  await Promise.all([import('./steps.js'), import('./temp-dir.js'), import('./transformed-build.js'), import('./runtime-library.js')]);
  const warmUp = warmUpSteps(await loadPipeline());
  let busy = false;
  // Warm the JIT one step at a time while idle: a request that arrives meanwhile goes first.
  const warmNext = (): void => {
    if (busy) return; // resumed when the request is done
    const step = warmUp.shift();
    if (step === undefined) return;
    try {
      step();
    } catch {
      return; // a unit the pipeline cannot take is reported to the client that sends one, not here
    }
    setImmediate(warmNext);
  };
  let leaving = false;
  process.on('message', (message: { type?: string; request?: CompileRequest }, handle: unknown) => {
    if (message.type !== 'request' || !message.request || !handle) return;
    busy = true;
    serve(message.request, handle as Socket)
      .catch(() => (handle as Socket).destroy())
      .finally(() => {
        busy = false;
        if (leaving || process.memoryUsage.rss() > MAX_RSS_BYTES) process.exit(0);
        process.send?.({ type: 'done' });
        setImmediate(warmNext);
      });
  });
  // The server is gone: finish the request in hand, then leave.
  process.on('disconnect', () => {
    leaving = true;
    if (!busy) process.exit(0);
  });
  process.send?.({ type: 'ready' });
  setImmediate(warmNext);
}

main().catch(() => process.exit(1));
