// The compile server's wire format, spoken with the native client
// (native/fgftc-client.c, which must agree byte for byte). Every message is a
// frame: one type byte, a 4-byte big-endian length, the data.
//
// client -> server: 'Q' request (once, first); 'S' the outcome of each 'C';
//                   'K' + 4-byte signal number if the client is interrupted
// server -> client: 'A' (no data) first, when a worker takes the call: from
//                   then on the client counts the server's silence (while
//                   queued it waits as long as the calls ahead of it take);
//                   'O' / 'E' bytes for stdout / stderr, in the order written;
//                   'C' a cc command for the client to run as its child (one at
//                   a time: the server waits for its 'S');
//                   'X' + 4-byte exit status, last; or, before anything but 'A',
//                   'D' reason (not served: run fgftc with Node instead) or
//                   'R' reason (same, and this server retired: start a new one)
//
// 'C' data: NUL-terminated strings: "1" to capture cc's stderr (else "0"), the
// FGFTC_NESTING value for cc's environment, then cc's argv. 'S' data: 4-byte
// exit status (128+N if killed by signal N), 4-byte signal number (0: none),
// 4-byte errno of a command that could not be started (0: it ran), then the
// captured stderr.
//
// A request's data is a list of NUL-terminated strings: the protocol tag, the
// build id (see buildIdOf), the client's tty flags ("t" or "-" for stdout and
// stderr), its umask in octal, its working directory, the argument count, the
// arguments, then its environment as NAME=VALUE strings.
import { statSync } from 'node:fs';
import { constants } from 'node:os';

export const PROTOCOL_TAG = 'fgftc-compile-1';

export const FRAME = {
  request: 0x51, // 'Q'
  kill: 0x4b, // 'K'
  accepted: 0x41, // 'A'
  stdout: 0x4f, // 'O'
  stderr: 0x45, // 'E'
  exit: 0x58, // 'X'
  decline: 0x44, // 'D'
  retired: 0x52, // 'R'
  run: 0x43, // 'C'
  ran: 0x53, // 'S'
} as const;

const HEADER = 5;
/** A request is a command line and an environment; anything near this size is not one. */
export const MAX_REQUEST = 64 * 1024 * 1024;

export interface Frame {
  type: number;
  data: Buffer;
}

export function encodeFrame(type: number, data: Uint8Array | string = Buffer.alloc(0)): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const header = Buffer.alloc(HEADER);
  header[0] = type;
  header.writeUInt32BE(body.length, 1);
  return Buffer.concat([header, body]);
}

export function encodeStatus(status: number): Buffer {
  const data = Buffer.alloc(4);
  data.writeUInt32BE(status >>> 0, 0);
  return encodeFrame(FRAME.exit, data);
}

/** Collects bytes from a stream and hands out whole frames. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrame = MAX_REQUEST) {}

  /** Add bytes; returns the frames completed by them. Throws on a frame over the limit. */
  push(chunk: Buffer): Frame[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: Frame[] = [];
    while (this.buffered.length >= HEADER) {
      const length = this.buffered.readUInt32BE(1);
      if (length > this.maxFrame) throw new Error(`frame of ${length} bytes is over the limit`);
      if (this.buffered.length < HEADER + length) break;
      frames.push({ type: this.buffered[0], data: this.buffered.subarray(HEADER, HEADER + length) });
      this.buffered = this.buffered.subarray(HEADER + length);
    }
    return frames;
  }
}

/** What a client asks for: run fgftc as it would have run in the client's place. */
export interface CompileRequest {
  buildId: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  umask: number;
  cwd: string;
  argv: string[];
  env: Record<string, string>;
}

/**
 * Decode a request ('Q' data); throws if it is malformed or speaks another
 * protocol. Strings are UTF-8, as Node decodes its own argv and environment.
 */
export function decodeRequest(data: Buffer): CompileRequest {
  const strings = data.toString('utf8').split('\0');
  if (strings.pop() !== '') throw new Error('request not NUL-terminated');
  const [tag, buildId, ttys, umask, cwd, argc, ...rest] = strings;
  if (tag !== PROTOCOL_TAG) throw new Error(`protocol ${JSON.stringify(tag)}, expected ${PROTOCOL_TAG}`);
  const count = Number(argc);
  if (!Number.isInteger(count) || count < 0 || count > rest.length || !/^[0-7]+$/.test(umask ?? '') || ttys?.length !== 2) {
    throw new Error('malformed request');
  }
  const env: Record<string, string> = {};
  for (const entry of rest.slice(count)) {
    const eq = entry.indexOf('=');
    if (eq > 0 && !(entry.slice(0, eq) in env)) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return {
    buildId,
    stdoutIsTTY: ttys[0] === 't',
    stderrIsTTY: ttys[1] === 't',
    umask: parseInt(umask, 8),
    cwd,
    argv: rest.slice(0, count),
    env,
  };
}

/** Encode a request (what the native client sends; used by tests). */
export function encodeRequest(r: CompileRequest, tag = PROTOCOL_TAG): Buffer {
  const env = Object.entries(r.env).map(([k, v]) => `${k}=${v}`);
  const ttys = `${r.stdoutIsTTY ? 't' : '-'}${r.stderrIsTTY ? 't' : '-'}`;
  const strings = [tag, r.buildId, ttys, r.umask.toString(8), r.cwd, String(r.argv.length), ...r.argv, ...env];
  return encodeFrame(FRAME.request, Buffer.from(strings.map((s) => s + '\0').join(''), 'utf8'));
}

/**
 * Which build of fgftc a client and a server run: the modification time, in
 * nanoseconds, of the bundle's entry (dist/bundle/cli.js), which every
 * `npm run build` rewrites together with the rest of the bundle.
 */
export function buildIdOf(bundleEntry: string): string {
  try {
    const ns = statSync(bundleEntry, { bigint: true }).mtimeNs;
    return `${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`;
  } catch {
    return 'missing';
  }
}

/** A 'C' frame: run this cc command line in the client. */
export function encodeRun(command: readonly string[], captureStderr: boolean, nesting: string): Buffer {
  const strings = [captureStderr ? '1' : '0', nesting, ...command];
  return encodeFrame(FRAME.run, Buffer.from(strings.map((w) => w + '\0').join(''), 'utf8'));
}

export interface Ran {
  status: number;
  signal: number; // 0: none
  /** errno code name (ENOENT, ...) if the command could not be started. */
  error?: string;
  stderr: Buffer;
}

/** Decode an 'S' frame. */
export function decodeRan(data: Buffer): Ran {
  if (data.length < 12) throw new Error('short outcome');
  const errno = data.readUInt32BE(8);
  const name = (Object.keys(constants.errno) as Array<keyof typeof constants.errno>).find((k) => constants.errno[k] === errno);
  return {
    status: data.readUInt32BE(0),
    signal: data.readUInt32BE(4),
    error: errno === 0 ? undefined : (name ?? `errno ${errno}`),
    stderr: data.subarray(12),
  };
}

/** An 'S' frame (what the native client sends; used by tests). */
export function encodeRan(r: Ran, errno = 0): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32BE(r.status, 0);
  head.writeUInt32BE(r.signal, 4);
  head.writeUInt32BE(errno, 8);
  return encodeFrame(FRAME.ran, Buffer.concat([head, r.stderr]));
}
