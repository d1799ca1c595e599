// The warm transform server (on unless FGFTC_SERVER=0): the first compile
// finds none, starts one and transforms in-process; later compiles are served
// by it, with the same object and statistics as without it, whatever it served
// before; a killed server is replaced; an unsafe socket directory is never
// used; FGFTC_SERVER=0 neither uses nor starts one. It serves fgftc's Node path
// (bin/fgftc.js), which bin/fgftc runs when the native client cannot serve a
// call or is not built, so that is what these tests run.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, fgftcNode as fgftc, requireBuilt, scratchDir, type Ran } from './helpers.js';

const scratch = scratchDir('server');
const project = join(scratch.dir, 'project');
const serverDir = join(scratch.dir, 'servers');
const flags = ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-c', 'src/ring.c', '--stats=-'];
// FGFTC_SERVER is left unset: the server is the default.
const serverEnv = { FGFTC_SERVER: '', FGFTC_SERVER_DIR: serverDir, FGFTC_SERVER_IDLE_MS: '30000', FGFTC_DEBUG: '1' };
const inProcessEnv = { FGFTC_SERVER: '0' };
// One server only, so that one process sees every unit of the independence test.
const oneServerDir = join(scratch.dir, 'one-server');
const oneServerEnv = { ...serverEnv, FGFTC_SERVER_DIR: oneServerDir, FGFTC_SERVER_SLOTS: '1' };

function serverPids(dir = serverDir): number[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pid'))
      .map((f) => Number(readFileSync(join(dir, f), 'utf8')));
  } catch {
    return [];
  }
}

function stopServers(signal: NodeJS.Signals, dir = serverDir): void {
  for (const pid of serverPids(dir)) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Compile until a server answers (each client picks one of a few slots by its pid); at most `tries` times. */
async function compileUntilServed(output: string, args = flags, env: NodeJS.ProcessEnv = serverEnv, tries = 12): Promise<Ran> {
  let last: Ran | undefined;
  for (let i = 0; i < tries; i++) {
    last = fgftc([...args, '-o', output], project, undefined, env);
    if (last.status !== 0) throw new Error(last.stderr);
    if (last.stderr.includes('transformed by the server')) return last;
    await sleep(400);
  }
  throw new Error(`no server answered:\n${last?.stderr}`);
}

function statsOf(r: Ran): Record<string, unknown> {
  const line = r.stderr.split('\n').find((l) => l.startsWith('{'));
  const { ms: _ms, ...rest } = JSON.parse(line ?? '{}') as Record<string, unknown>;
  return rest;
}

beforeAll(() => {
  requireBuilt();
  copyProject('gnu-multi', project);
});
afterAll(() => {
  stopServers('SIGTERM');
  stopServers('SIGTERM', oneServerDir);
  scratch.cleanup();
});

describe('warm transform server', () => {
  it('is started on first use and then serves, with the same results as in-process', async () => {
    const local = fgftc([...flags, '-o', 'local.o'], project, undefined, inProcessEnv);
    expect(local.status, local.stderr).toBe(0);

    const first = fgftc([...flags, '-o', 'first.o'], project, undefined, serverEnv);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('server not available: transforming here');

    const served = await compileUntilServed('served.o');
    expect(statsOf(served)).toEqual(statsOf(local));
    expect(readFileSync(join(project, 'served.o'))).toEqual(readFileSync(join(project, 'local.o')));
    expect(serverPids().length).toBeGreaterThan(0);
  });

  it('replaces a server that died and left its socket behind', async () => {
    stopServers('SIGKILL');
    await sleep(200);
    const again = await compileUntilServed('again.o');
    expect(again.status).toBe(0);
  });

  it('is not used when the socket directory is not private', () => {
    const open = join(scratch.dir, 'open-dir');
    mkdirSync(open);
    chmodSync(open, 0o755);
    const r = fgftc([...flags, '-o', 'open.o'], project, undefined, { ...serverEnv, FGFTC_SERVER_DIR: open });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('server');
    expect(readdirSync(open)).toEqual([]);
    rmSync(open, { recursive: true });
  });

  it('transforms each unit independently of the units it served before', async () => {
    // Fault schemata number their sites per unit and bounds checking keeps per-unit facts: a server that
    // carried state from one unit to the next would give different code than a fresh process.
    const unitFlags = (file: string) => ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-c', `src/${file}.c`, '--stats=-',
      '--fgftc-fault=all', '--fgftc-fault-schemata', '--fgftc-bounds'];
    const sequence = ['ring', 'packets', 'main', 'ring', 'packets'];
    for (const [k, file] of sequence.entries()) {
      const local = fgftc([...unitFlags(file), '-o', `fresh-${k}.o`], project, undefined, inProcessEnv);
      expect(local.status, local.stderr).toBe(0);
      const served = await compileUntilServed(`served-${k}.o`, unitFlags(file), oneServerEnv);
      expect(statsOf(served)).toEqual(statsOf(local));
      expect(readFileSync(join(project, `served-${k}.o`))).toEqual(readFileSync(join(project, `fresh-${k}.o`)));
    }
    expect(serverPids(oneServerDir)).toHaveLength(1);
  });

  it('is neither used nor started with FGFTC_SERVER=0', () => {
    const unused = join(scratch.dir, 'unused-dir');
    const r = fgftc([...flags, '-o', 'off.o'], project, undefined, { ...serverEnv, ...inProcessEnv, FGFTC_SERVER_DIR: unused });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('server');
    expect(existsSync(unused)).toBe(false);
  });
});
