// A Linux out-of-tree module (test/kbuild/hello) built by kbuild with
// CC=fgftc: kbuild passes dozens of flags (-Wp,-MMD,..., -include, -nostdinc,
// -isystem, -fmacro-prefix-map, --param=..., -mcmodel=kernel, ...) and probes
// the compiler; the module must come out as a .ko. Needs kernel headers
// (Debian: apt-get install linux-headers-amd64); skipped without them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fgftcBin, repoRoot, requireBuilt, scratchDir } from '../driver/helpers.js';

/** A kernel build directory with a Makefile: /lib/modules/<release>/build, else /usr/src/linux-headers-*-amd64. */
function findKernelBuildDir(): string | undefined {
  const candidates: string[] = [];
  if (existsSync('/lib/modules')) {
    for (const release of readdirSync('/lib/modules')) candidates.push(join('/lib/modules', release, 'build'));
  }
  if (existsSync('/usr/src')) {
    for (const d of readdirSync('/usr/src')) if (/^linux-headers-.*-amd64$/.test(d)) candidates.push(join('/usr/src', d));
  }
  return candidates.find((c) => existsSync(join(c, 'Makefile')));
}

const kernelDir = findKernelBuildDir();
if (!kernelDir) {
  console.warn('kbuild test skipped: no kernel headers (apt-get install linux-headers-amd64)');
}

const scratch = scratchDir('kbuild');
afterAll(() => scratch.cleanup());

function buildModule(moduleDir: string, cc: string): { status: number; output: string } {
  const r = spawnSync('make', ['-C', kernelDir as string, `M=${moduleDir}`, `CC=${cc}`, 'modules'], { encoding: 'latin1' });
  return { status: r.status ?? 128, output: `${r.stdout}\n${r.stderr}` };
}

/** A kbuild .cmd file without its command line (which names the compiler), module dir normalised. */
function dependencyPart(cmdFile: string, moduleDir: string): string {
  return cmdFile.slice(cmdFile.indexOf('\nsource_')).split(moduleDir).join('<module>');
}

describe.skipIf(!kernelDir)(`kbuild out-of-tree module with CC=fgftc (${kernelDir ?? 'no kernel headers installed'})`, () => {
  it('builds hello.ko', () => {
    requireBuilt();
    const moduleDir = join(scratch.dir, 'hello');
    cpSync(join(repoRoot, 'test', 'kbuild', 'hello'), moduleDir, { recursive: true });
    const stats = join(scratch.dir, 'stats.jsonl');
    const r = buildModule(moduleDir, `${fgftcBin} --stats=${stats}`);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toMatch(/fgftc: (internal )?error/);
    expect(existsSync(join(moduleDir, 'hello.ko'))).toBe(true);

    // The module really went through fgftc, and its metadata survived.
    const units = readFileSync(stats, 'latin1').trim().split('\n').map((l) => JSON.parse(l) as { file: string; functions: number });
    const hello = units.find((u) => u.file.endsWith('/hello.c'));
    expect(hello?.functions).toBeGreaterThanOrEqual(2);
    const modinfo = spawnSync('readelf', ['-p', '.modinfo', join(moduleDir, 'hello.ko')], { encoding: 'latin1' });
    expect(modinfo.stdout).toContain('description=fgftc kbuild smoke test');
    expect(modinfo.stdout).toContain('parm=answer:a number to print at load time');

    // kbuild's dependency list (fixdep's digest of -Wp,-MMD) equals the one from a plain gcc build.
    const gccDir = join(scratch.dir, 'hello-gcc');
    cpSync(join(repoRoot, 'test', 'kbuild', 'hello'), gccDir, { recursive: true });
    const plain = buildModule(gccDir, 'gcc');
    expect(plain.status, plain.output).toBe(0);
    const ours = dependencyPart(readFileSync(join(moduleDir, '.hello.o.cmd'), 'latin1'), moduleDir);
    expect(ours).toMatch(/include\/linux\/module\.h/);
    expect(ours).toBe(dependencyPart(readFileSync(join(gccDir, '.hello.o.cmd'), 'latin1'), gccDir));
  });
});
