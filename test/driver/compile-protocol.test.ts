// The compile server's wire format (compiler/driver/compile-protocol.ts), which
// the native client writes in C: requests survive a round trip whatever their
// words hold, frames are reassembled from any split of the stream, and
// malformed or foreign requests are refused. (The C side is tested end to end
// in compile-server.test.ts.)
import { describe, expect, it } from 'vitest';
import {
  FRAME,
  FrameReader,
  decodeRan,
  decodeRequest,
  encodeFrame,
  encodeRan,
  encodeRequest,
  encodeRun,
  encodeStatus,
  type CompileRequest,
} from '../../compiler/driver/compile-protocol.js';

const base: CompileRequest = {
  buildId: '1764083000.123456789',
  stdoutIsTTY: false,
  stderrIsTTY: true,
  umask: 0o022,
  cwd: '/home/user/linux',
  argv: ['-c', 'a.c', '-o', 'a.o'],
  env: { PATH: '/usr/bin:/bin', HOME: '/home/user' },
};

describe('requests', () => {
  const cases: Array<[string, Partial<CompileRequest>]> = [
    ['a plain compile', {}],
    ['no arguments', { argv: [] }],
    ['empty words and spaces', { argv: ['', ' ', '-DX= a b '] }],
    ['non-ASCII paths (UTF-8, as Node reads argv)', { cwd: '/tmp/\u00e9t\u00e9', argv: ['-c', 'caf\u00e9.c'] }],
    ['an environment value with "="', { env: { CFLAGS: '-DA=1 -DB=2', EMPTY: '' } }],
    ['both ttys, umask 077', { stdoutIsTTY: true, stderrIsTTY: true, umask: 0o077 }],
  ];
  for (const [what, change] of cases) {
    it(`round-trips ${what}`, () => {
      const request = { ...base, ...change };
      const [frame] = new FrameReader().push(encodeRequest(request));
      expect(frame.type).toBe(FRAME.request);
      expect(decodeRequest(frame.data)).toEqual(request);
    });
  }

  it('keeps the first of two definitions of a variable, as getenv does', () => {
    const [frame] = new FrameReader().push(encodeRequest(base));
    const data = Buffer.concat([frame.data, Buffer.from('PATH=/second\x00')]);
    expect(decodeRequest(data).env.PATH).toBe('/usr/bin:/bin');
  });

  const strings = (...words: string[]) => Buffer.from(words.join('\x00'));
  const bad: Array<[string, Buffer]> = [
    ['another protocol version', new FrameReader().push(encodeRequest(base, 'fgftc-compile-0'))[0].data],
    ['a missing final NUL', strings('fgftc-compile-1', 'id', '--', '22', '/', '1', '-c')],
    ['more arguments announced than sent', strings('fgftc-compile-1', 'id', '--', '22', '/', '9', '-c', '')],
    ['a umask that is not octal', strings('fgftc-compile-1', 'id', '--', 'abc', '/', '0', '')],
  ];
  for (const [what, data] of bad) {
    it(`refuses ${what}`, () => expect(() => decodeRequest(data)).toThrow());
  }
});

describe('frames', () => {
  const stream = Buffer.concat([
    encodeFrame(FRAME.stderr, 'warning: x\n'),
    encodeFrame(FRAME.stdout, Buffer.from([0, 1, 2, 255])),
    encodeFrame(FRAME.stdout, ''),
    encodeStatus(139),
  ]);

  for (const size of [1, 2, 5, 7, stream.length]) {
    it(`reassembles frames from chunks of ${size} bytes`, () => {
      const reader = new FrameReader();
      const frames = [];
      for (let at = 0; at < stream.length; at += size) frames.push(...reader.push(stream.subarray(at, at + size)));
      expect(frames.map((f) => String.fromCharCode(f.type))).toEqual(['E', 'O', 'O', 'X']);
      expect(frames[0].data.toString()).toBe('warning: x\n');
      expect([...frames[1].data]).toEqual([0, 1, 2, 255]);
      expect(frames[2].data.length).toBe(0);
      expect(frames[3].data.readUInt32BE(0)).toBe(139);
    });
  }

  it('refuses a frame over its limit', () => {
    expect(() => new FrameReader(16).push(encodeFrame(FRAME.kill, Buffer.alloc(17)))).toThrow(/over the limit/);
  });
});

describe('cc commands the client runs', () => {
  it("lays out 'C' as capture flag, FGFTC_NESTING value, argv", () => {
    const [frame] = new FrameReader().push(encodeRun(['gcc', '-c', 'a b.c'], true, '2'));
    expect(frame.type).toBe(FRAME.run);
    expect(frame.data.toString()).toBe('1\x002\x00gcc\x00-c\x00a b.c\x00');
  });

  const outcomes: Array<[string, Buffer, ReturnType<typeof decodeRan>]> = [
    ['an exit status and captured stderr', encodeRan({ status: 1, signal: 0, stderr: Buffer.from('x.c:1: error\n') }),
      { status: 1, signal: 0, error: undefined, stderr: Buffer.from('x.c:1: error\n') }],
    ['death by a signal', encodeRan({ status: 139, signal: 11, stderr: Buffer.alloc(0) }),
      { status: 139, signal: 11, error: undefined, stderr: Buffer.alloc(0) }],
    ['a command that could not start (errno 2)', encodeRan({ status: 0, signal: 0, stderr: Buffer.alloc(0) }, 2),
      { status: 0, signal: 0, error: 'ENOENT', stderr: Buffer.alloc(0) }],
  ];
  for (const [what, frame, expected] of outcomes) {
    it(`decodes 'S': ${what}`, () => {
      const [f] = new FrameReader().push(frame);
      expect(f.type).toBe(FRAME.ran);
      expect(decodeRan(f.data)).toEqual(expected);
    });
  }
});
