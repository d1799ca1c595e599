// The bundled CLI (dist/bundle/, made by compiler/driver/bundle-cli.ts): bin/fgftc
// runs it when it is current, falls back to the unbundled modules when dist/
// was recompiled after it, and both give the same compile results. Runs on a
// private copy of bin/ and dist/ inside the checkout (so node_modules
// resolves), because other builds may rewrite the shared dist/ at any time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, repoRoot, requireBuilt, run, scratchDir } from './helpers.js';

const copyRoot = join(repoRoot, 'test', '.work', `bundle-${process.pid}`);
const bin = join(copyRoot, 'bin', 'fgftc');
const scratch = scratchDir('bundle');
const project = join(scratch.dir, 'project');
const compile = ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-c', 'src/ring.c', '--stats=-', '--fgftc-bounds'];
const env = { FGFTC_DEBUG: '1', FGFTC_SERVER: '0' };

function loadedEntry(stderr: string): string | undefined {
  return /fgftc: debug: loading (\S+)/.exec(stderr)?.[1];
}

function statsOf(stderr: string): Record<string, unknown> {
  const line = stderr.split('\n').find((l) => l.startsWith('{'));
  const { ms: _ms, ...rest } = JSON.parse(line ?? '{}') as Record<string, unknown>;
  return rest;
}

beforeAll(() => {
  requireBuilt();
  mkdirSync(copyRoot, { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(copyRoot, 'dist'), { recursive: true, preserveTimestamps: true });
  cpSync(join(repoRoot, 'bin'), join(copyRoot, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(copyRoot, 'package.json'));
  rmSync(join(copyRoot, 'dist', 'bundle'), { recursive: true, force: true });
  const bundler = join(repoRoot, 'dist', 'compiler', 'driver', 'bundle-cli.js');
  const r = spawnSync(process.execPath, [bundler, '--dist', join(copyRoot, 'dist')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling failed: ${r.stderr}`);
  copyProject('gnu-multi', project);
});
afterAll(() => {
  rmSync(copyRoot, { recursive: true, force: true });
  scratch.cleanup();
});

describe('bundled CLI', () => {
  it('is what bin/fgftc runs, and compiles like the unbundled modules', () => {
    expect(existsSync(join(copyRoot, 'dist', 'bundle', 'cli.js'))).toBe(true);
    const bundled = run(bin, [...compile, '-o', 'bundled.o'], project, undefined, env);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(loadedEntry(bundled.stderr)).toBe(join(copyRoot, 'dist', 'bundle', 'cli.js'));

    const unbundled = run(process.execPath, [join(copyRoot, 'dist', 'compiler', 'cli.js'), ...compile, '-o', 'plain.o'], project, undefined, env);
    expect(unbundled.status, unbundled.stderr).toBe(0);
    expect(statsOf(bundled.stderr)).toEqual(statsOf(unbundled.stderr));
    expect(readFileSync(join(project, 'bundled.o'))).toEqual(readFileSync(join(project, 'plain.o')));
  });

  it('finds files beside its modules as the unbundled code does (--help lists the subcommands, --version reads package.json)', () => {
    const help = run(bin, ['--help'], project);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/Subcommands/);
    const version = run(bin, ['--version'], project);
    expect(version.stdout).toMatch(/^fgftc \d+\.\d+\.\d+ /m);
  });

  it('is passed over when dist/ was recompiled after it', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(copyRoot, 'dist', 'compiler', 'cli.js'), later, later);
    const r = run(bin, ['-dumpversion'], project, undefined, env);
    expect(r.status, r.stderr).toBe(0);
    expect(loadedEntry(r.stderr)).toBe(join(copyRoot, 'dist', 'compiler', 'cli.js'));
  });
});
