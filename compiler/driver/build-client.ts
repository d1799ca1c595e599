// Build step after the bundle: compile the native client
// (native/fgftc-client.c) with the machine's C compiler into
// dist/bin/fgftc-client, which bin/fgftc runs so that a compile does not start
// Node (see README.md). A machine where it does not build still works: the
// step says why and removes any old client, and bin/fgftc then runs Node.
// Usage: node dist/compiler/driver/build-client.js [--dist DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkoutRoot } from '../checkout.js';

const FLAGS = ['-std=c11', '-O2', '-Wall', '-Wextra', '-Werror'];

function distDirFromArgs(root: string, argv: readonly string[]): string {
  const k = argv.indexOf('--dist');
  return k >= 0 && argv[k + 1] ? resolve(argv[k + 1]) : join(root, 'dist');
}

/** Compile the client; undefined on success, else what went wrong. */
export function buildClient(root: string, distDir: string): string | undefined {
  const source = join(root, 'compiler', 'driver', 'native', 'fgftc-client.c');
  const binDir = join(distDir, 'bin');
  const target = join(binDir, 'fgftc-client');
  const staged = `${target}.${process.pid}.tmp`;
  mkdirSync(binDir, { recursive: true });
  let failure: string | undefined;
  for (const cc of ['gcc', 'cc']) {
    const r = spawnSync(cc, [...FLAGS, source, '-o', staged], { encoding: 'utf8' });
    if (r.status === 0) {
      renameSync(staged, target); // atomic: a running build never sees half a client
      return undefined;
    }
    failure ??= r.error ? `${cc}: ${r.error.message}` : r.stderr.trim() || `${cc} exited with ${r.status}`;
    if (!r.error) break; // the compiler ran and refused: another one would not know better
  }
  rmSync(staged, { force: true });
  rmSync(target, { force: true });
  return failure;
}

function main(): void {
  const root = checkoutRoot();
  const failure = buildClient(root, distDirFromArgs(root, process.argv.slice(2)));
  if (failure !== undefined) {
    process.stderr.write(`fgftc build: warning: the native client did not build, so CC=fgftc runs through Node (slower):\n${failure}\n`);
  }
}

// Run as the build step; importing the module (tests) only defines buildClient.
if (process.argv[1] === fileURLToPath(import.meta.url)) main();
