// End to end: the multi-file GNU C project in test/projects/gnu-multi built
// with `make CC=gcc` and `make CC=fgftc` in separate copies must give the
// same program output and byte-identical .d files; then the driver's other
// modes (-E, -S, stdin, @file, -save-temps, --keep, --stats, one-call link)
// on the same sources.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, fgftc, fgftcBin, gcc, requireBuilt, run, scratchDir, type Ran } from './helpers.js';

const scratch = scratchDir('gnu-multi');
const gccCopy = join(scratch.dir, 'with-gcc');
const fgftcCopy = join(scratch.dir, 'with-fgftc');
const statsFile = join(scratch.dir, 'stats.jsonl');
const flags = ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-Wall', '-Wextra', '-Werror', '-std=gnu11'];
let gccBuild: Ran;
let fgftcBuild: Ran;

function ok(r: Ran): Ran {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Every .d file under dir, relative path -> content. */
function dependencyFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.d')) out.set(relative(dir, p), readFileSync(p, 'latin1').split(dir).join('<project>'));
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  requireBuilt();
  copyProject('gnu-multi', gccCopy);
  copyProject('gnu-multi', fgftcCopy);
  gccBuild = run('make', ['-j2', 'CC=gcc'], gccCopy);
  fgftcBuild = run('make', ['-j2', `CC=${fgftcBin} --stats=${statsFile}`], fgftcCopy);
});
afterAll(() => scratch.cleanup());

describe('make CC=fgftc on a multi-file GNU C project', () => {
  it('builds with both compilers', () => {
    expect(gccBuild.status, gccBuild.stderr).toBe(0);
    expect(fgftcBuild.status, fgftcBuild.stderr).toBe(0);
    expect(fgftcBuild.stderr).not.toMatch(/fgftc: (internal )?error/);
  });

  it('produces a program with the same output', () => {
    const expected = ok(run('./build/demo', [], gccCopy)).stdout;
    expect(expected).toContain('asm_add3=42');
    expect(ok(run('./build/demo', [], fgftcCopy)).stdout).toBe(expected);
  });

  it('writes the same .d files as gcc, for C and assembly sources', () => {
    const expected = dependencyFiles(join(gccCopy, 'build'));
    expect([...expected.keys()].sort()).toEqual(
      ['checksum.d', 'lib/crc32.d', 'lib/strhash.d', 'main.d', 'packets.d', 'ring.d'].sort(),
    );
    expect(dependencyFiles(join(fgftcCopy, 'build'))).toEqual(expected);
    expect(expected.get('main.d')).toMatch(/^build\/main\.o: src\/main\.c include\/gnuutil\.h/);
  });

  it('appends one stats line per C translation unit', () => {
    const lines = readFileSync(statsFile, 'latin1').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file).sort()).toEqual(['lib/crc32.c', 'lib/strhash.c', 'src/main.c', 'src/packets.c', 'src/ring.c']);
    for (const l of lines) {
      for (const key of ['functions', 'functionsSkipped', 'parseErrors', 'checksInserted', 'checksRemoved', 'stubsGenerated',
        'faultsInjected', 'ms']) {
        expect(typeof l[key], `${String(l.file)}.${key}`).toBe('number');
      }
    }
    const ring = lines.find((l) => l.file === 'src/ring.c');
    expect(ring?.functions).toBe(4);
  });

  it('rebuilds nothing when nothing changed (the .d files drive make)', () => {
    const again = ok(run('make', [`CC=${fgftcBin}`], fgftcCopy));
    expect(again.stdout).not.toContain('-c src/');
  });
});

describe('driver modes on the same sources', () => {
  const dir = () => fgftcCopy;

  it('-E prints preprocessed C with __FGFTC__ defined', () => {
    writeFileSync(join(dir(), 'probe.c'), '#ifdef __FGFTC__\nint built_by_fgftc;\n#endif\nint everyone;\n');
    const ours = ok(fgftc(['-E', 'probe.c'], dir()));
    expect(ours.stdout).toMatch(/^# 0 "probe\.c"/);
    expect(ours.stdout).toContain('int built_by_fgftc;');
    expect(ok(gcc(['-E', 'probe.c'], dir())).stdout).not.toContain('built_by_fgftc');
    ok(fgftc([...flags, '-E', 'src/ring.c', '-o', 'ring-pre.i'], dir()));
    expect(readFileSync(join(dir(), 'ring-pre.i'), 'latin1')).toContain('int ring_push(struct ring *r');
  });

  it('-E without feature flags is byte-identical to gcc -E -D__FGFTC__ (nothing to instrument)', () => {
    for (const file of ['src/main.c', 'src/packets.c', 'lib/strhash.c']) {
      const expected = ok(gcc([...flags, '-D__FGFTC__', '-E', file], dir())).stdout;
      expect(ok(fgftc([...flags, '-E', file], dir())).stdout).toBe(expected);
    }
  });

  it('-S writes assembly that assembles', () => {
    ok(fgftc([...flags, '-S', 'src/ring.c', '-o', 'ring.s'], dir()));
    expect(readFileSync(join(dir(), 'ring.s'), 'latin1')).toMatch(/^ring_push:/m);
    ok(gcc(['-c', 'ring.s', '-o', 'ring-from-s.o'], dir()));
    expect(ok(run('nm', ['ring-from-s.o'], dir())).stdout).toMatch(/ T ring_pop/);
  });

  it('reads a C source from stdin (-x c -)', () => {
    const source = readFileSync(join(dir(), 'src/ring.c'), 'latin1');
    const r = ok(fgftc([...flags, '-x', 'c', '-c', '-', '-o', 'ring-stdin.o', '--stats=-'], dir(), source));
    expect(JSON.parse(r.stderr.trim()).file).toBe('<stdin>');
    expect(ok(run('nm', ['ring-stdin.o'], dir())).stdout).toMatch(/ T ring_push/);
  });

  it('reads options from an @file, quoting included', () => {
    run('mkdir', ['-p', 'out dir'], dir());
    writeFileSync(join(dir(), 'args.rsp'), `-Iinclude "-DRING_SLOTS=8" -O2\n-c src/ring.c -o 'out dir/ring.o'\n`);
    ok(fgftc(['@args.rsp'], dir()));
    expect(existsSync(join(dir(), 'out dir/ring.o'))).toBe(true);
  });

  it('-save-temps keeps gcc\'s temporaries plus the instrumented .fgftc.i', () => {
    run('mkdir', ['-p', 'st-gcc', 'st-fgftc'], dir());
    ok(gcc([...flags, '-save-temps', '-c', 'src/ring.c', '-o', 'st-gcc/ring.o'], dir()));
    ok(fgftc([...flags, '-save-temps', '-c', 'src/ring.c', '-o', 'st-fgftc/ring.o'], dir()));
    const gccFiles = readdirSync(join(dir(), 'st-gcc')).sort();
    expect(gccFiles).toEqual(['ring.i', 'ring.o', 'ring.s']);
    expect(readdirSync(join(dir(), 'st-fgftc')).sort()).toEqual(['ring.fgftc.i', ...gccFiles].sort());
    expect(readFileSync(join(dir(), 'st-fgftc/ring.fgftc.i'), 'latin1')).toContain('ring_pop');
  });

  it('--keep keeps only the instrumented .i beside the object', () => {
    run('mkdir', ['-p', 'kept'], dir());
    ok(fgftc([...flags, '--keep', '-c', 'src/packets.c', '-o', 'kept/packets.o'], dir()));
    expect(readdirSync(join(dir(), 'kept')).sort()).toEqual(['packets.fgftc.i', 'packets.o']);
  });

  it('compiles several sources with -c to objects named like gcc\'s', () => {
    run('mkdir', ['-p', 'multi'], dir());
    ok(fgftc([...flags.map((f) => (f === '-Iinclude' ? '-I../include' : f)), '-c', '../src/ring.c', '../lib/crc32.c'], join(dir(), 'multi')));
    expect(readdirSync(join(dir(), 'multi')).sort()).toEqual(['crc32.o', 'ring.o']);
  });

  it('compiles, assembles and links in one call, sources and library in order', () => {
    ok(fgftc([...flags, 'src/main.c', 'src/packets.c', 'src/ring.c', 'asm/checksum.S', 'lib/crc32.c', 'lib/strhash.c',
      '-o', 'demo-one-call'], dir()));
    const expected = ok(run('./build/demo', [], gccCopy)).stdout;
    expect(ok(run('./demo-one-call', [], dir())).stdout).toBe(expected);
  });
});
