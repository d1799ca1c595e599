// The C runtime that instrumented code calls (fgft_check_* for failed bounds
// checks, fgft_fault_* for fault-seeded builds). fgftc adds it to every link
// it drives, as `gcc -fsanitize=...` adds its runtime, so
// `fgftc -I annotations prog.c -o prog` gives a checked program in one step.
// It is a static archive: the linker takes a member only when the program
// refers to it, so plain programs link exactly as before, and a build that
// links its own copy of the runtime (examples/e1000) keeps its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkoutRoot } from '../checkout.js';
import { UserError } from '../diagnostics.js';
import { boundsRuntimeSource } from '../passes/bounds/options.js';
import { hasOption, type CommandLine } from './command-line.js';


/** Links that must not get the runtime: no default libraries, partial links, shared objects (not PIC). */
const NO_RUNTIME_OPTIONS = ['-nostdlib', '-nodefaultlibs', '-nolibc', '-r', '-shared', '-static-pie'];

export function linksRuntime(cmd: CommandLine): boolean {
  return cmd.mode === 'link' && !hasOption(cmd, ...NO_RUNTIME_OPTIONS);
}

/** The archive for this compiler, built on first use (and again when a runtime source changes). */
export function runtimeArchive(cc: readonly string[], cacheDir = join(checkoutRoot(), 'dist', 'runtime')): string {
  const sources = [boundsRuntimeSource(), join(checkoutRoot(), 'fault-inject', 'runtime', 'fgft_fault.c')];
  const missing = sources.find((s) => !existsSync(s));
  if (missing) throw new UserError(`fgftc's runtime source ${missing} is missing: this fgftc installation is incomplete`);
  const key = createHash('sha256')
    .update(cc.join('\0'))
    .update(sources.map((s) => `${s}:${statSync(s).mtimeMs}`).join('\0'))
    .digest('hex')
    .slice(0, 16);
  const archive = join(cacheDir, `libfgftrt-${key}.a`);
  if (existsSync(archive)) return archive;
  mkdirSync(cacheDir, { recursive: true });
  // Parallel makes may link several programs at once: build privately, publish by rename.
  const work = mkdtempSync(join(cacheDir, '.build-'));
  try {
    const objects = sources.map((src, k) => {
      const obj = join(work, `${k}-${basename(src, '.c')}.o`);
      const cmd = [...cc.slice(1), '-std=gnu11', '-O2', '-g', '-c', src, '-o', obj];
      const r = spawnSync(cc[0], cmd, { encoding: 'utf8' });
      if (r.status !== 0) throw new UserError(`cannot build fgftc's runtime with ${cc.join(' ')}: ${(r.stderr || r.error?.message || '').trim()}`);
      return obj;
    });
    const staged = join(work, 'libfgftrt.a');
    const ar = spawnSync('ar', ['rcs', staged, ...objects], { encoding: 'utf8' });
    if (ar.status !== 0) throw new UserError(`cannot build fgftc's runtime archive: ${(ar.stderr || ar.error?.message || '').trim()}`);
    renameSync(staged, archive);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return archive;
}
