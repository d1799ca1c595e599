// `npm run bench [NAME...]`: run every benchmark (or those named), print each
// result as a table, and record them in bench/results.json together with the
// machine they ran on. Results of benchmarks not run this time are kept.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './benchmark.js';
import { benchmarks } from './index.js';
import { checkoutRoot } from '../compiler/checkout.js';

interface ResultsFile {
  machine: { cpus: number; cpuModel: string; node: string; gcc: string; loadAverage1m: number };
  date: string;
  results: Record<string, BenchResult>;
}

const repoRoot = checkoutRoot();
const resultsPath = join(repoRoot, 'bench', 'results.json');

function gccVersion(): string {
  try {
    return execFileSync('gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return 'unavailable';
  }
}

function printTable(name: string, result: BenchResult): void {
  const width = Math.max(...Object.keys(result).map((k) => k.length));
  process.stdout.write(`\n${name}\n${'-'.repeat(name.length)}\n`);
  for (const [key, value] of Object.entries(result)) process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
}

function previousResults(): Record<string, BenchResult> {
  if (!existsSync(resultsPath)) return {};
  try {
    return (JSON.parse(readFileSync(resultsPath, 'utf8')) as ResultsFile).results ?? {};
  } catch {
    return {};
  }
}

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`bench: error: unknown benchmark ${unknown.join(', ')} (have: ${benchmarks.map((b) => b.name).join(', ')})\n`);
    return 1;
  }
  const selected = names.length > 0 ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
  const results = previousResults();
  let failed = 0;
  for (const b of selected) {
    process.stdout.write(`running ${b.name}...\n`);
    try {
      results[b.name] = await b.run();
      printTable(b.name, results[b.name]);
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`bench: ${b.name} failed: ${message}\n`);
      results[b.name] = { error: message };
    }
  }
  const file: ResultsFile = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      gcc: gccVersion(),
      // Other work on the machine inflates wall times; ratios measured in the same run hold up better.
      loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    },
    date: new Date().toISOString(),
    results,
  };
  writeFileSync(resultsPath, JSON.stringify(file, null, 2) + '\n');
  process.stdout.write(`\nwrote ${resultsPath}\n`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`bench: error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
