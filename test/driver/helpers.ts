// Shared by the driver's end-to-end tests: run the built fgftc (bin/fgftc ->
// dist/; bin/fgftc.js is its Node path alone) or gcc in a directory, and make
// scratch copies of sample projects.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fgftcBin = join(repoRoot, 'bin', 'fgftc');
/** fgftc run by Node, as bin/fgftc does when the native client is not built or cannot serve a call. */
export const fgftcNodeScript = join(repoRoot, 'bin', 'fgftc.js');
export const projectsDir = join(repoRoot, 'test', 'projects');

export interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

/** Fail early and clearly if `npm run build` has not produced dist/. */
export function requireBuilt(): void {
  if (!existsSync(join(repoRoot, 'dist', 'compiler', 'cli.js'))) {
    throw new Error('dist/compiler/cli.js is missing: run `npm run build` before these tests (npm test does)');
  }
}

export function run(cmd: string, args: readonly string[], cwd: string, input?: string, env?: NodeJS.ProcessEnv): Ran {
  const r = spawnSync(cmd, [...args], { cwd, input, encoding: 'latin1', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status ?? 128, stdout: r.stdout, stderr: r.stderr };
}

export function fgftc(args: readonly string[], cwd: string, input?: string, env?: NodeJS.ProcessEnv): Ran {
  return run(fgftcBin, args, cwd, input, env);
}

/** The Node path only (no native client, no compile server). */
export function fgftcNode(args: readonly string[], cwd: string, input?: string, env?: NodeJS.ProcessEnv): Ran {
  return run(process.execPath, [fgftcNodeScript, ...args], cwd, input, env);
}

export function gcc(args: readonly string[], cwd: string, input?: string): Ran {
  return run('gcc', args, cwd, input);
}

/** A scratch directory, removed by the returned cleanup function. */
export function scratchDir(label: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `fgftc-${label}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copy test/projects/<name> to `dest`. */
export function copyProject(name: string, dest: string): string {
  cpSync(join(projectsDir, name), dest, { recursive: true });
  return dest;
}
