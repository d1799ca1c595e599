// The build step for the native client (compiler/driver/build-client.ts):
// it compiles warning-free with the machine's gcc into DIST/bin/fgftc-client;
// where no C compiler can build it, it says why and leaves no client behind
// (bin/fgftc then runs every call through Node).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../compiler/driver/build-client.js';
import { repoRoot, scratchDir } from './helpers.js';

const scratch = scratchDir('build-client');
afterAll(() => scratch.cleanup());

describe('native client build step', () => {
  it('builds an executable client that explains itself when run without a checkout', () => {
    const dist = join(scratch.dir, 'dist');
    expect(buildClient(repoRoot, dist)).toBeUndefined();
    const client = join(dist, 'bin', 'fgftc-client');
    expect(statSync(client).mode & 0o111).not.toBe(0);
    const r = spawnSync(client, [], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: fgftc-client CHECKOUT/);
  });

  it('without a C compiler: says why, and removes an old client', () => {
    const dist = join(scratch.dir, 'no-cc-dist');
    mkdirSync(join(dist, 'bin'), { recursive: true });
    writeFileSync(join(dist, 'bin', 'fgftc-client'), 'an old client');
    const path = process.env.PATH;
    process.env.PATH = join(scratch.dir, 'no-compilers-here');
    try {
      expect(buildClient(repoRoot, dist)).toMatch(/ENOENT/);
    } finally {
      process.env.PATH = path;
    }
    expect(existsSync(join(dist, 'bin', 'fgftc-client'))).toBe(false);
  });
});
