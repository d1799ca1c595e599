// The driver arena (runtime-c/shim/arena.c): driver memory (kmalloc & co, vmalloc, netdev_priv, sk_buff data)
// apart from the C library's heap, a guard page after each object. test/harness/arena_test.c runs one case per
// process, against the machine library as built (arena) and, for the cases that do not write out of bounds,
// with the shim compiled under AddressSanitizer (plain allocator: ASan checks and leak-checks driver memory).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRuntime, ROOT, RUNTIME, tempDir } from './build.js';

const SOURCE = path.join(ROOT, 'test/harness/arena_test.c');
const WARN = ['-std=c11', '-D_DEFAULT_SOURCE', '-Wall', '-Wextra', '-Werror', '-O1', `-I${path.join(RUNTIME, 'include')}`];
let plain = '';
let asan = '';

const sources = (dir: string): string[] =>
  readdirSync(path.join(RUNTIME, dir))
    .filter((f) => f.endsWith('.c') && !(dir === 'harness' && f === 'main.c'))
    .map((f) => path.join(RUNTIME, dir, f));

beforeAll(() => {
  buildRuntime();
  const dir = tempDir('arena');
  plain = path.join(dir, 'arena_test');
  execFileSync('gcc', [...WARN, SOURCE, `-L${path.join(RUNTIME, 'build')}`, '-lfgftsim', '-o', plain]);
  asan = path.join(dir, 'arena_test_asan');
  execFileSync('gcc', [...WARN, '-fsanitize=address', '-fno-omit-frame-pointer', SOURCE,
    ...sources('shim'), ...sources('dev'), ...sources('harness'), '-o', asan]);
}, 120_000);

function run(bin: string, name: string, env: Record<string, string> = {}) {
  return spawnSync(bin, [name], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

describe('driver memory is isolated from the C library heap', () => {
  it.each([
    { name: 'kmalloc-overrun', checks: 5 },
    { name: 'vmalloc-overrun', checks: 4 },
    { name: 'priv-overrun', checks: 5 },
    { name: 'skb-overrun', checks: 4 },
    { name: 'bad-frees', checks: 4 },
    { name: 'semantics', checks: 5 },
  ])('$name', ({ name, checks }) => {
    const r = run(plain, name);
    expect(r.stdout).not.toMatch(/FAIL/);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.stdout.match(/^ok /gm)?.length).toBe(checks);
    expect(r.stdout).toMatch(/all passed/);
    expect(r.status).toBe(0);
  });
});

describe('under AddressSanitizer: the plain allocator, checked and leak-checked', () => {
  it.each(['bad-frees', 'semantics'])('%s', (name) => {
    const r = run(asan, name, { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).not.toMatch(/Sanitizer/);
    expect(r.stdout).toMatch(/all passed/);
    expect(r.status).toBe(0);
  });

  it('a wild write past a kmalloc buffer is reported by ASan', () => {
    const r = run(asan, 'kmalloc-overrun');
    expect(r.stderr).toMatch(/AddressSanitizer: heap-buffer-overflow/);
    expect(r.status).not.toBe(0);
  });
});
