// Harness throughput: frames per second of the send and receive streams through the example e1000 driver,
// plain gcc build against the fgftc build (the ratio is the cost of fgftc's checks on the host CPU), and the
// harness's own cost per frame (wall time outside the driver's entry points, measured with --profile).
// Simulated-time throughput is wire-limited (1 Gb/s) and the same for both builds; wall-clock frames per second
// is what the driver's instrumentation changes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { median, round } from './benchmark.js';
import { checkoutRoot } from '../compiler/checkout.js';

const root = checkoutRoot();
const runtime = join(root, 'runtime-c');
const example = join(root, 'examples', 'e1000');

const FRAMES = 100000;
const REPEATS = 5;

interface Report {
  frames_per_s: number;
  wall_ns: number;
  wall_us_per_frame: number;
  harness_us_per_frame: number;
  tx: { delivered: number };
  rx: { delivered: number };
  pass: boolean;
}

function runOnce(bin: string, workload: string, dir: string): Report {
  const json = join(dir, `${workload}.json`);
  const r = spawnSync(bin, ['--workload', workload, '--frames', String(FRAMES), '--seed', '1', '--profile', '--quiet', '--json', json], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (!existsSync(json)) throw new Error(`${basename(bin)} --workload ${workload} produced no report: ${r.stderr.slice(0, 300)}`);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  if (!report.pass) throw new Error(`${basename(bin)} --workload ${workload} did not pass`);
  return report;
}

interface Measurement {
  wallFps: number;
  simFps: number;
  harnessUs: number;
}

function summarise(runs: Report[]): Measurement {
  return {
    wallFps: median(runs.map((r) => ((r.tx.delivered + r.rx.delivered) * 1e9) / r.wall_ns)),
    simFps: median(runs.map((r) => r.frames_per_s)),
    harnessUs: median(runs.map((r) => r.harness_us_per_frame)),
  };
}

/**
 * Median over repeats of host frames per wall second, and the simulated-time rate. The binaries
 * take turns round by round, so a change in machine load hits all of them alike.
 */
function measureSideBySide(bins: string[], workload: string, dir: string): Measurement[] {
  const runs: Report[][] = bins.map(() => []);
  for (let round = 0; round < REPEATS; round++) bins.forEach((bin, i) => runs[i].push(runOnce(bin, workload, dir)));
  return runs.map(summarise);
}

function buildExample(dir: string, cc: string | undefined): string | undefined {
  const bin = join(dir, 'e1000-harness');
  const args = ['-s', '-C', example, `BUILD=${join(dir, 'obj')}`, `BIN=${bin}`, bin];
  if (cc) args.push(`CC=${cc}`);
  const r = spawnSync('make', args, { encoding: 'utf8' });
  return r.status === 0 && existsSync(bin) ? bin : undefined;
}

export async function benchHarness(): Promise<Record<string, number>> {
  execFileSync('make', ['-s', '-C', runtime], { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'fgft-bench-harness-'));
  try {
    const result: Record<string, number> = { frames: FRAMES };
    const plainDir = mkdtempSync(join(dir, 'plain-'));
    const plain = buildExample(plainDir, 'gcc');
    if (!plain) throw new Error('examples/e1000 does not build with CC=gcc');
    const fgftcDir = mkdtempSync(join(dir, 'fgftc-'));
    const instrumented = buildExample(fgftcDir, undefined); // the example's default compiler is fgftc
    result.fgftc_build_available = instrumented ? 1 : 0;
    const bins = instrumented ? [plain, instrumented] : [plain];
    const [plainSend, fgftcSend] = measureSideBySide(bins, 'send', plainDir);
    const [plainRecv, fgftcRecv] = measureSideBySide(bins, 'recv', plainDir);
    result.send_fps_simulated = round(plainSend.simFps, 0);
    result.recv_fps_simulated = round(plainRecv.simFps, 0);
    result.send_fps_wall_plain = round(plainSend.wallFps, 0);
    result.recv_fps_wall_plain = round(plainRecv.wallFps, 0);
    result.send_harness_us_per_frame = round(plainSend.harnessUs, 3);
    result.recv_harness_us_per_frame = round(plainRecv.harnessUs, 3);
    if (fgftcSend && fgftcRecv) {
      result.send_fps_wall_fgftc = round(fgftcSend.wallFps, 0);
      result.recv_fps_wall_fgftc = round(fgftcRecv.wallFps, 0);
      // Cost of the fgftc build in wall time per frame, relative to plain (> 1: slower).
      result.send_time_ratio_fgftc_over_plain = round(plainSend.wallFps / fgftcSend.wallFps, 3);
      result.recv_time_ratio_fgftc_over_plain = round(plainRecv.wallFps / fgftcRecv.wallFps, 3);
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
