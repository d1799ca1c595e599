// Bad input never produces a stack trace: gcc's own errors (and exit status)
// come through unchanged, fgftc's own problems are `fgftc: error: ...`.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fgftc, fgftcBin, gcc, requireBuilt, run, scratchDir } from './helpers.js';

const scratch = scratchDir('errors');
const dir = scratch.dir;

/** Deterministic "binary garbage" (xorshift), NUL bytes and high bytes included. */
function garbage(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const sources: Record<string, string | Buffer> = {
  'type-error.c': 'int main(void)\n{\n\treturn "x" * 2;\n}\n',
  'unbalanced.c': 'int f(int a)\n{\n\tif (a) {\n\t\treturn 1;\n\treturn 0;\n}\n',
  'truncated.c': 'struct s { int a;\nint g(struct s *p) { return p->',
  'garbage.c': garbage(600, 12345),
  'warn.c': 'int f(int a)\n{\n\tint unused;\n\treturn a;\n}\n',
  'ok.c': 'int ok(void) { return 0; }\n',
  'macro-error.c': '#define SCALE(x) ((x) * "s")\nint f(int a)\n{\n\treturn SCALE(a);\n}\n',
  'macro-warning.c': '#define SET(v) ((v) = (v))\nint f(int a)\n{\n\tint b;\n\tSET(b);\n\treturn a;\n}\n',
};

beforeAll(() => {
  requireBuilt();
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
});
afterAll(() => scratch.cleanup());

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(stderr).not.toContain('internal error');
}

describe('errors look and exit exactly as gcc\'s', () => {
  const table: Array<[string, string[]]> = [
    ['unknown option', ['-fno-such-option-at-all', '-c', 'ok.c']],
    ['missing input file', ['-c', 'does-not-exist.c']],
    ['type error', ['-c', 'type-error.c']],
    ['error inside a macro expansion (with gcc\'s "in expansion of macro" note)', ['-c', 'macro-error.c']],
    ['error in one of several sources', ['-c', 'ok.c', 'macro-error.c']],
    ['error when compiling and linking in one call', ['ok.c', 'macro-error.c', '-o', 'prog']],
    ['link error', ['ok.c', '-o', 'prog']],
    ['unbalanced braces', ['-c', 'unbalanced.c']],
    ['truncated file', ['-c', 'truncated.c']],
    ['warnings, -Werror', ['-Wall', '-Werror', '-c', 'warn.c']],
    ['warnings only', ['-Wall', '-c', 'warn.c', '-o', 'warn.o']],
    ['stdin without -x', ['-c', '-']],
    ['-o with several sources', ['-c', 'ok.c', 'warn.c', '-o', 'x.o']],
    ['no input files', []],
  ];
  for (const [what, args] of table) {
    it(what, () => {
      const expected = gcc(args, dir, '');
      const ours = fgftc(args, dir, '');
      expect(ours.stderr).toBe(expected.stderr);
      expect(ours.status).toBe(expected.status);
      expectNoStackTrace(ours.stderr);
    });
  }

  it('binary garbage: gcc-style errors and gcc\'s status (columns may differ: gcc sees the preprocessed text)', () => {
    const expected = gcc(['-c', 'garbage.c'], dir);
    const ours = fgftc(['-c', 'garbage.c'], dir);
    expect(ours.status).toBe(expected.status);
    expect(ours.status).not.toBe(0);
    expect(ours.stderr).toMatch(/^garbage\.c:\d+:\d+: error: /m);
    expectNoStackTrace(ours.stderr);
  });

  it('passes queries through: -dumpversion, -print-prog-name', () => {
    for (const args of [['-dumpversion'], ['-print-prog-name=cc1']]) {
      const ours = fgftc(args, dir);
      expect(ours.status).toBe(0);
      expect(ours.stdout).toBe(gcc(args, dir).stdout);
    }
  });
});

describe('fgftc\'s own errors', () => {
  const table: Array<[string, string[], RegExp, NodeJS.ProcessEnv?]> = [
    ['unknown fgftc option', ['--fgftc-frobnicate', '-c', 'ok.c'], /^fgftc: error: unrecognized fgftc option '--fgftc-frobnicate'/],
    ['bad option value', ['--fgftc-bounds-fail=sometimes', '-c', 'ok.c'], /^fgftc: error: --fgftc-bounds-fail: expected abort, log or recover/],
    ['compiler that does not exist', ['--cc=/nonexistent/cc', '-c', 'ok.c'], /^fgftc: error: cannot run the C compiler '\/nonexistent\/cc': No such file or directory/],
    ['FGFTC_CC that does not exist', ['-c', 'ok.c'], /^fgftc: error: cannot run the C compiler 'no-such-cc-here'/, { FGFTC_CC: 'no-such-cc-here' }],
    ['-E output in a missing directory', ['-E', 'ok.c', '-o', 'no/such/dir/ok.i'], /^fgftc: error: cannot write 'no\/such\/dir\/ok\.i': No such file or directory/],
    ['--stats file in a missing directory', ['--stats=no/dir/s.jsonl', '-c', 'ok.c'], /^fgftc: error: cannot write statistics to 'no\/dir\/s\.jsonl'/],
    ['FGFTC_CC that leads back to fgftc', ['-c', 'ok.c'], /^fgftc: error: the C compiler fgftc runs \(--cc= or FGFTC_CC\) runs fgftc again/, { FGFTC_CC: fgftcBin }],
    ['TMPDIR that does not exist', ['-c', 'ok.c'], /^fgftc: error: cannot create a temporary directory in '\/no\/such\/tmp'/, { TMPDIR: '/no/such/tmp' }],
  ];
  for (const [what, args, message, env] of table) {
    it(what, () => {
      const r = fgftc(args, dir, undefined, env);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});

describe('bin/fgftc without a build', () => {
  it('says to build, in one line, exit 1', () => {
    mkdirSync(join(dir, 'unbuilt', 'bin'), { recursive: true });
    for (const f of ['fgftc', 'fgftc.js']) copyFileSync(join(dirname(fgftcBin), f), join(dir, 'unbuilt', 'bin', f));
    const r = run(join(dir, 'unbuilt', 'bin', 'fgftc'), ['-c', 'ok.c'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('fgftc: error: not built yet; run `npm run build` (or `npm ci`) in the fgftc checkout\n');
  });
});

describe('fgftc --help and --version', () => {
  it('--help describes the driver and its options', () => {
    const r = fgftc(['--help'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: fgftc/);
    expect(r.stdout).toContain('--stats=FILE|-');
    expect(r.stdout).toContain('--fgftc-bounds');
  });

  it('--version starts with the real compiler\'s line (build systems read it) and names fgftc', () => {
    const r = fgftc(['--version'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(gcc(['--version'], dir).stdout.split('\n')[0]);
    expect(r.stdout).toMatch(/^fgftc \d+\.\d+\.\d+/m);
  });
});
