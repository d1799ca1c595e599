// Bounds checks on a bounds-heavy workload (bench/bounds-ringbuf.c: a packet
// parser feeding a kfifo-style ring, tens of millions of checked accesses),
// built three ways and run side by side: unchecked (plain gcc), checked
// without the optimizer, checked with it. Reports the run-time ratios and the
// share of checks the optimizer removes statically.
// Goals (issue 3): checked+optimizer <= 1.10x unchecked; >= 50% removed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformTranslationUnit } from '../compiler/pipeline.js';
import { median, round } from './benchmark.js';
import { checkoutRoot } from '../compiler/checkout.js';

const repoRoot = checkoutRoot();
const SOURCE = join(repoRoot, 'bench', 'bounds-ringbuf.c');
const RUNTIME = join(repoRoot, 'runtime-c', 'checks', 'fgft_check.c');
const ANNOTATIONS = join(repoRoot, 'annotations');
const ROUNDS = Number(process.env.FGFTC_BENCH_ROUNDS ?? 7);
const FRAMES = Number(process.env.FGFTC_BENCH_FRAMES ?? 1_000_000);
const CFLAGS = ['-std=gnu11', '-O2', '-Wall', '-Wextra', '-Werror'];

interface Variant {
  name: string;
  exe: string;
  times: number[];
}

/** CPU time (user + sys) of one run, less disturbed than wall time on a shared machine. */
function timeRun(exe: string): { ms: number; out: string } {
  const script = 'TIMEFORMAT="%3U %3S"; { time "$0" "$1" > "$0.out"; } 2>&1';
  const times = execFileSync('bash', ['-c', script, exe, String(FRAMES)], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  return { ms: (times[0] + times[1]) * 1000, out: readFileSync(`${exe}.out`, 'utf8') };
}

function buildChecked(dir: string, pre: string, optimize: boolean) {
  const r = transformTranslationUnit(SOURCE, pre, { bounds: { optimize, failMode: 'abort' } });
  if (r.diagnostics.errorCount > 0) throw new Error(`fgftc rejected the workload: ${r.diagnostics.list.map((d) => d.message).join('; ')}`);
  const stem = join(dir, optimize ? 'checked-opt' : 'checked-noopt');
  writeFileSync(`${stem}.i`, r.output, 'latin1');
  execFileSync('gcc', [...CFLAGS, '-x', 'cpp-output', `${stem}.i`, '-x', 'c', RUNTIME, '-o', stem]);
  return { exe: stem, stats: r.stats };
}

export async function benchBounds(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'fgftc-bounds-bench-'));
  try {
    const unchecked = join(dir, 'unchecked');
    execFileSync('gcc', [...CFLAGS, '-I', ANNOTATIONS, SOURCE, '-o', unchecked]);
    const pre = execFileSync('gcc', ['-E', '-std=gnu11', '-D__FGFTC__', '-I', ANNOTATIONS, SOURCE], { encoding: 'latin1', maxBuffer: 1 << 28 });
    const opt = buildChecked(dir, pre, true);
    const noopt = buildChecked(dir, pre, false);
    const variants: Variant[] = [
      { name: 'unchecked', exe: unchecked, times: [] },
      { name: 'noopt', exe: noopt.exe, times: [] },
      { name: 'opt', exe: opt.exe, times: [] },
    ];
    let expected: string | undefined;
    for (let k = 0; k < ROUNDS; k++) {
      // Alternate the builds round by round so machine noise hits all alike.
      for (const v of variants) {
        const { ms, out } = timeRun(v.exe);
        expected ??= out;
        if (out !== expected) throw new Error(`${v.name} computed ${out.trim()}, unchecked ${expected.trim()}`);
        v.times.push(ms);
      }
    }
    const [u, n, o] = variants.map((v) => median(v.times));
    const found = opt.stats.checksInserted;
    const removed = opt.stats.checksRemoved;
    const details = (opt.stats.details?.bounds ?? {}) as { removed?: Record<string, number>; placed?: number };
    const perPass = Object.fromEntries(Object.entries(details.removed ?? {}).map(([k, v]) => [`removed_by_${k}`, v]));
    return {
      frames: FRAMES,
      unchecked_cpu_ms: round(u, 1),
      checked_noopt_cpu_ms: round(n, 1),
      checked_opt_cpu_ms: round(o, 1),
      ratio_noopt: round(n / u, 3),
      ratio_opt: round(o / u, 3),
      checks_found: found,
      checks_removed: removed,
      checks_left_opt: details.placed ?? 0,
      removed_share: round(removed / Math.max(1, found), 3),
      ...perPass,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/bounds-ringbuf.js` runs it alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchBounds().then((r) => process.stdout.write(JSON.stringify(r, null, 2) + '\n'));
}
