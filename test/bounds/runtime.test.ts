// The C side: the check runtime and every prelude build warning-free, and a
// failing check aborts, logs each site once, or calls the recovery hook.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPrelude } from '../../compiler/passes/bounds/checks.js';
import { ROOT } from './helpers.js';
import { makeScratchDir } from '../scratch.js';

const dir = makeScratchDir('fgftc-rt');
const RUNTIME = join(ROOT, 'runtime-c/checks/fgft_check.c');
const CFLAGS = ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-O1'];

/** A program whose main is `body`, with the prelude of `mode`, linked with the runtime. */
function build(name: string, mode: 'abort' | 'log' | 'recover', body: string): string {
  const src = join(dir, `${name}.c`);
  writeFileSync(src, `#include <stdio.h>\n#include "fgft_check.h"\n${checkPrelude(mode)}\n${body}\n`);
  const exe = join(dir, name);
  execFileSync('gcc', [...CFLAGS, '-I', join(ROOT, 'runtime-c/checks'), src, RUNTIME, '-o', exe]);
  return exe;
}

const twoFailures = `
int main(void)
{
	long long seen = 0;
	for (int k = 0; k < 3; k++)
		seen += fgft_check_index(4 + k, 4, "t.c", 7);
	printf("end %lu %lld\\n", fgft_check_failures(), seen);
	return 0;
}`;

describe('check runtime', () => {
  it.each(['abort', 'log', 'recover'] as const)('prelude for %s mode compiles with -Wall -Wextra -Werror', (mode) => {
    const exe = build(`prelude-${mode}`, mode, 'int main(void) { return (int)fgft_check_index(1, 2, "x.c", 1) - 1; }');
    expect(spawnSync(exe).status).toBe(0);
  });

  it('aborts with file, line, kind and values by default', () => {
    const r = spawnSync(build('abort', 'abort', twoFailures), { encoding: 'utf8' });
    expect(r.signal).toBe('SIGABRT');
    expect(r.stderr).toBe('t.c:7: fgftc: upper check failed (value 4, bound 4)\n');
  });

  it('in log mode reports each failing site once and continues', () => {
    const r = spawnSync(build('log', 'log', twoFailures), { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('end 3 15\n');
    expect(r.stderr).toBe('t.c:7: fgftc: upper check failed (value 4, bound 4)\n');
  });

  it('in log mode still stops at a failed null check', () => {
    const r = spawnSync(build('log-null', 'log', 'int main(void) { int *p = fgft_check_nonnull((void *)0, "z.c", 4); return *p; }'), { encoding: 'utf8' });
    expect(r.signal).toBe('SIGABRT');
    expect(r.stderr).toBe('z.c:4: fgftc: null check failed (value 0, bound 0)\n');
  });

  it('FGFT_CHECK_MODE overrides the compiled-in mode', () => {
    const r = spawnSync(build('env', 'abort', twoFailures), { encoding: 'utf8', env: { ...process.env, FGFT_CHECK_MODE: 'log' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('end 3 15\n');
  });

  it('in recover mode calls fgft_check_failed_hook', () => {
    const exe = build(
      'recover',
      'recover',
      `static void hook(const struct fgft_check_failure *f)
{
	printf("hook %s %s:%d %lld/%lld\\n", fgft_check_kind_name(f->kind), f->file, f->line, f->value, f->bound);
}
int main(void)
{
	fgft_check_failed_hook = hook;
	(void)fgft_check_call(9, 8, "r.c", 3);
	return 0;
}`,
    );
    const r = spawnSync(exe, { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('hook call r.c:3 9/8\n');
  });

  it('in recover mode without a hook aborts', () => {
    const r = spawnSync(build('recover-nohook', 'recover', 'int main(void) { (void)fgft_check_lower(-1, "n.c", 2); return 0; }'), { encoding: 'utf8' });
    expect(r.signal).toBe('SIGABRT');
    expect(r.stderr).toContain('n.c:2: fgftc: lower check failed');
  });
});
