// fgftc adds its runtime to the links it drives (as gcc -fsanitize does), and
// units that include fgft.h are checked by default: one command gives a
// checked program.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fgftc, repoRoot, requireBuilt, run, scratchDir } from './helpers.js';

const annotated = `#include <fgft.h>
#include <stdio.h>
static int sum(int * COUNT(n) a, int n) {
  int s = 0;
  for (int i = 0; i <= n; i++) s += a[i];
  return s;
}
int main(void) { int v[3] = { 1, 2, 3 }; printf("%d\\n", sum(v, 3)); return 0; }
`;

const plain = `#include <stdio.h>
int twice(int x) { return 2 * x; }
int main(void) { printf("%d\\n", twice(21)); return 0; }
`;

const inc = ['-I', join(repoRoot, 'annotations')];

describe('runtime library and default checking', () => {
  let dir = '';
  let cleanup = () => {};
  beforeAll(() => {
    requireBuilt();
    ({ dir, cleanup } = scratchDir('runtime-link'));
    writeFileSync(join(dir, 'annotated.c'), annotated);
    writeFileSync(join(dir, 'plain.c'), plain);
  });
  afterAll(() => cleanup());

  it('compiles, checks and links an annotated program in one step', () => {
    const built = fgftc([...inc, '-Wall', '-Wextra', 'annotated.c', '-o', 'annotated'], dir);
    expect(built).toMatchObject({ status: 0, stderr: '' });
    const ran = run(join(dir, 'annotated'), [], dir);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr).toContain('annotated.c:5: fgftc: upper check failed (value 3, bound 3)');
  });

  it('links separately compiled objects with the runtime too', () => {
    expect(fgftc([...inc, '-c', 'annotated.c', '-o', 'annotated.o'], dir).status).toBe(0);
    expect(fgftc(['annotated.o', '-o', 'linked'], dir)).toMatchObject({ status: 0, stderr: '' });
    expect(run(join(dir, 'linked'), [], dir).stderr).toContain('upper check failed');
  });

  it('--fgftc-no-bounds leaves an annotated program unchecked', () => {
    const built = fgftc(['--fgftc-no-bounds', ...inc, 'annotated.c', '-o', 'unchecked'], dir);
    expect(built.status).toBe(0);
    const nm = run('nm', ['unchecked'], dir);
    expect(nm.stdout).not.toMatch(/fgft_check/);
  });

  it('a program that never uses the runtime links exactly what gcc links', () => {
    expect(fgftc(['plain.c', '-o', 'plain'], dir).status).toBe(0);
    expect(run(join(dir, 'plain'), [], dir).stdout).toBe('42\n');
    expect(run('nm', ['plain'], dir).stdout).not.toMatch(/fgft_/);
  });

  it('shared objects do not get the (non-PIC) runtime archive: its symbols stay undefined for the program to supply', () => {
    const built = fgftc([...inc, '-shared', '-fPIC', 'annotated.c', '-o', 'libannotated.so'], dir);
    expect(built).toMatchObject({ status: 0, stderr: '' });
    expect(run('nm', ['-D', '--undefined-only', 'libannotated.so'], dir).stdout).toMatch(/U fgft_check_fail/);
  });
});
