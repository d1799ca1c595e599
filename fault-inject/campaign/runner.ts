// Running trials: each in its own process (group) with a time limit, as many
// at once as asked, results appended as they finish.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify, parseReport, parseReportFile, withRecoveryStats } from './classify.js';
import { ForkServer } from './fork-server.js';
import type { HarnessReport, TrialResult, TrialSpec } from './trial.js';

export interface Target {
  exe: string;
  /**
   * Argument words; {workload}, {policy}, {policy_value} (the text after '=' in a `name=value` policy),
   * {site}, {operator}, {repeat}, {seed} (= repeat + 1), {persistence} are filled in per trial, and {report} with a file
   * the harness may write its JSON report to (read after the run).
   */
  args: readonly string[];
  /** Extra environment, templated the same way. */
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  cwd?: string;
}

type TemplateValues = Omit<TrialSpec, 'index' | 'id'> & { report?: string };

export function fillTemplate(word: string, t: TemplateValues): string {
  return word.replace(/\{(workload|policy|policy_value|site|repeat|operator|seed|report|persistence)\}/g, (whole, k: string) => {
    if (k === 'seed') return String(t.repeat + 1);
    if (k === 'persistence') return t.persistence ?? 'permanent';
    if (k === 'report') return t.report ?? whole;
    if (k === 'policy_value') return t.policyValue ?? t.policy;
    return String(t[k as keyof TemplateValues]);
  });
}

const STDOUT_LIMIT = 1 << 20;

// What a trial line keeps of the harness report: what classification used, and why the driver failed to load.
const KEPT_REPORT_FIELDS = ['verified', 'detected', 'recovered', 'app_errors', 'errored', 'unaccounted', 'leaks', 'stalled', 'load_error'] as const;

function keptReport(r: HarnessReport): HarnessReport {
  const out: Record<string, unknown> = {};
  for (const k of KEPT_REPORT_FIELDS) if (r[k] !== undefined) out[k] = r[k];
  return out as HarnessReport;
}

/** A file's text, and the file removed; undefined if there is none. */
function takeFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'latin1');
  rmSync(path, { force: true });
  return text;
}

interface Spawned {
  /** The JSON report file's text, if the harness wrote one to {report}. */
  reportText?: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
}

/** Run one process in its own process group; on timeout the whole group is killed. */
export function runProcess(exe: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number, cwd?: string): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(exe, [...args], { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      if (stdout.length < STDOUT_LIMIT) stdout += d.toString('latin1');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('latin1')).slice(-4096);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ stdout, stderr: String(err.message), exitCode: null, signal: 'SPAWN_ERROR', timedOut: false });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, exitCode: code, signal: timedOut ? null : signal, timedOut });
    });
  });
}

export interface RunnerOptions {
  /** Use the runtime's fork server when the binary has one (default true). */
  forkServer?: boolean;
}

export class TrialRunner {
  private readonly scratch = mkdtempSync(join(tmpdir(), 'fgftc-campaign-'));
  private counter = 0;
  private readonly idle = new Map<string, { server: ForkServer; reportPath: string }[]>();
  private servers = 0;
  private readonly noServer = new Set<string>();

  constructor(
    private readonly target: Target,
    private readonly options: RunnerOptions = {},
  ) {}

  async run(spec: TrialSpec): Promise<TrialResult> {
    const { index: _index, ...identity } = spec;
    const n = this.counter++;
    const activationFile = join(this.scratch, `activation-${n}`);
    const extraEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.target.env)) extraEnv[k] = fillTemplate(v, identity);
    // The fault runtime's persistence (a fork server serves one persistence: it is part of the server's key).
    extraEnv.FGFT_FAULT_PERSISTENCE = spec.persistence ?? 'permanent';
    const started = performance.now();
    const p = (await this.served(spec.site, identity, extraEnv, activationFile, n)) ?? (await this.spawned(spec.site, identity, extraEnv, activationFile, n));
    const ms = Math.round(performance.now() - started);
    const activated = existsSync(activationFile) && readFileSync(activationFile, 'latin1').includes('"activated":true');
    rmSync(activationFile, { force: true });
    const report = withRecoveryStats(p.reportText !== undefined ? parseReportFile(p.reportText) : parseReport(p.stdout), p.stderr);
    const cls = classify({ timedOut: p.timedOut, exitCode: p.exitCode, signal: p.signal, report, activated });
    const result: TrialResult = { ...identity, class: cls, activated, exitCode: p.exitCode, signal: p.signal, timedOut: p.timedOut, ms };
    if (report) result.report = keptReport(report);
    if (cls === 'crash' && p.stderr) result.stderrTail = p.stderr.slice(-400);
    return result;
  }

  private async spawned(site: string, identity: TemplateValues, extraEnv: Record<string, string>, activationFile: string, n: number): Promise<Spawned> {
    const reportPath = join(this.scratch, `report-${n}.json`);
    const args = this.target.args.map((a) => fillTemplate(a, { ...identity, report: reportPath }));
    const env = { ...process.env, ...extraEnv, FGFT_FAULT: site, FGFT_FAULT_REPORT: activationFile };
    const p = await runProcess(this.target.exe, args, env, this.target.timeoutMs, this.target.cwd);
    return { ...p, reportText: takeFile(reportPath) };
  }

  /** The trial through a fork server, or undefined to spawn it instead. */
  private async served(site: string, identity: TemplateValues, extraEnv: Record<string, string>, activationFile: string, n: number): Promise<Spawned | undefined> {
    if (this.options.forkServer === false) return undefined;
    // {report} stays a placeholder in the key: each server has its own report file, reused trial after trial.
    const key = JSON.stringify([this.target.args.map((a) => fillTemplate(a, identity)), extraEnv]);
    if (this.noServer.has(key)) return undefined;
    let slot = this.idle.get(key)?.pop();
    if (!slot) {
      const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
      delete env.FGFT_FAULT;
      delete env.FGFT_FAULT_REPORT;
      delete env.FGFT_FAULT_LIST;
      const reportPath = join(this.scratch, `server-${this.servers++}.json`);
      const args = this.target.args.map((a) => fillTemplate(a, { ...identity, report: reportPath }));
      const server = await ForkServer.start(this.target.exe, args, env, this.target.cwd);
      if (!server) {
        this.noServer.add(key);
        return undefined;
      }
      slot = { server, reportPath };
    }
    const out = join(this.scratch, `stdout-${n}`);
    const err = join(this.scratch, `stderr-${n}`);
    rmSync(slot.reportPath, { force: true });
    try {
      const r = await slot.server.run(site, out, err, activationFile, this.target.timeoutMs);
      if (!r) {
        slot.server.close();
        return undefined;
      }
      const reportText = takeFile(slot.reportPath);
      if (slot.server.alive) this.idle.set(key, [...(this.idle.get(key) ?? []), slot]);
      const read = (path: string, limit: number): string => (existsSync(path) ? readFileSync(path, 'latin1').slice(-limit) : '');
      return { stdout: read(out, STDOUT_LIMIT), stderr: read(err, 4096), reportText, ...r };
    } finally {
      rmSync(out, { force: true });
      rmSync(err, { force: true });
    }
  }

  dispose(): void {
    for (const list of this.idle.values()) for (const s of list) s.server.close();
    this.idle.clear();
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** Run `jobs` trials at a time; `onResult` sees each as it finishes. */
export async function runAll(
  trials: readonly TrialSpec[],
  runner: TrialRunner,
  jobs: number,
  onResult: (r: TrialResult) => void,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < trials.length && !shouldStop()) {
      const spec = trials[next++];
      onResult(await runner.run(spec));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, trials.length)) }, worker));
}

/** The site IDs a one-build binary contains (it lists them when FGFT_FAULT_LIST is set), and its baseline report. */
export async function listSites(target: Target, workload: string, policySpec: string): Promise<{ sites: string[]; baseline: Spawned }> {
  const dir = mkdtempSync(join(tmpdir(), 'fgftc-sites-'));
  const list = join(dir, 'sites');
  try {
    const eq = policySpec.indexOf('=');
    const policy = eq < 0 ? policySpec : policySpec.slice(0, eq);
    const policyValue = eq < 0 ? undefined : policySpec.slice(eq + 1);
    const identity = { site: '', operator: '', workload, policy, policyValue, repeat: 0, report: join(dir, 'report.json') };
    const env: NodeJS.ProcessEnv = { ...process.env, FGFT_FAULT_LIST: list };
    delete env.FGFT_FAULT;
    for (const [k, v] of Object.entries(target.env)) env[k] = fillTemplate(v, identity);
    const baseline = await runProcess(target.exe, target.args.map((a) => fillTemplate(a, identity)), env, target.timeoutMs, target.cwd);
    const sites = existsSync(list) ? readFileSync(list, 'latin1').split('\n').filter((l) => l !== '') : [];
    return { sites: [...new Set(sites)], baseline };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
