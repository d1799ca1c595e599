// The opt-in warm transform server (FGFTC_SERVER=1): the first compile finds
// none, starts one and transforms in-process; later compiles are served by it,
// with the same object and statistics as without it; a killed server is
// replaced; an unsafe socket directory is never used.
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, fgftc, requireBuilt, scratchDir, type Ran } from './helpers.js';

const scratch = scratchDir('server');
const project = join(scratch.dir, 'project');
const serverDir = join(scratch.dir, 'servers');
const flags = ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-c', 'src/ring.c', '--stats=-'];
const serverEnv = { FGFTC_SERVER: '1', FGFTC_SERVER_DIR: serverDir, FGFTC_SERVER_IDLE_MS: '30000', FGFTC_DEBUG: '1' };

function serverPids(): number[] {
  try {
    return readdirSync(serverDir)
      .filter((f) => f.endsWith('.pid'))
      .map((f) => Number(readFileSync(join(serverDir, f), 'utf8')));
  } catch {
    return [];
  }
}

function stopServers(signal: NodeJS.Signals): void {
  for (const pid of serverPids()) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Compile until a server answers (each client picks one of a few slots by its pid); at most `tries` times. */
async function compileUntilServed(output: string, tries = 12): Promise<Ran> {
  let last: Ran | undefined;
  for (let i = 0; i < tries; i++) {
    last = fgftc([...flags, '-o', output], project, undefined, serverEnv);
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
  scratch.cleanup();
});

describe('warm transform server', () => {
  it('is started on first use and then serves, with the same results as in-process', async () => {
    const local = fgftc([...flags, '-o', 'local.o'], project);
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
});
