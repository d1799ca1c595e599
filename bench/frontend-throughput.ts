// Front-end throughput: preprocessed lines per second through sanitizing,
// parsing, error containment, the function list and the symbol table.
//
// Reported: median wall time of 5 runs after a warm-up, and the median CPU
// time of the same runs (which a loaded machine disturbs less). Only
// parseTranslationUnit is timed: generating and preprocessing the input and
// reading it are not.
//
// The input is a driver-shaped translation unit: one file that includes many
// glibc headers (declaration-heavy, like kernel headers) followed by generated
// functions (statement-heavy, like a driver's own code), preprocessed by gcc
// to >= 200,000 lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTranslationUnit } from '../compiler/frontend/parse.js';
import { median, round } from './benchmark.js';

const HEADERS = [
  'assert.h', 'ctype.h', 'dirent.h', 'errno.h', 'fcntl.h', 'getopt.h', 'inttypes.h', 'limits.h', 'locale.h',
  'math.h', 'netdb.h', 'netinet/in.h', 'netinet/tcp.h', 'arpa/inet.h', 'poll.h', 'pthread.h', 'sched.h',
  'setjmp.h', 'signal.h', 'stdarg.h', 'stdatomic.h', 'stdbool.h', 'stddef.h', 'stdint.h', 'stdio.h', 'stdlib.h',
  'string.h', 'strings.h', 'sys/epoll.h', 'sys/ioctl.h', 'sys/mman.h', 'sys/resource.h', 'sys/select.h',
  'sys/socket.h', 'sys/stat.h', 'sys/time.h', 'sys/types.h', 'sys/uio.h', 'sys/un.h', 'sys/wait.h',
  'termios.h', 'time.h', 'unistd.h', 'wchar.h', 'wctype.h',
];

const TARGET_LINES = 200_000;
const RUNS = 5; // odd, so the median is one run; 5 rather than 3 for a steadier median on a shared machine

/** One generated driver-style function (about 20 lines). */
function generatedFunction(k: number): string {
  return `
static int __attribute__((noinline)) ring_op_${k}(struct ring *r, const unsigned char *buf, size_t len)
{
	size_t i;
	unsigned int sum = ${k}u;

	if (__builtin_expect(!r || !buf, 0))
		return -EINVAL;
	for (i = 0; i < len && i < r->count; i++) {
		struct desc *d = &r->desc[(r->head + i) % r->count];
		d->addr = (uint64_t)(uintptr_t)&buf[i];
		d->len = (uint16_t)(len - i);
		sum += ({ unsigned int t = buf[i]; t ^ (t << 3); });
	}
	switch (sum & 7) {
	case 0 ... 2:
		r->head = (r->head + 1) % r->count;
		break;
	default:
		r->stats[sum & 3]++;
	}
	return (int)sum;
}
`;
}

function buildSource(functions: number): string {
  const includes = HEADERS.map((h) => `#include <${h}>`).join('\n');
  const types = `
struct desc { uint64_t addr; uint16_t len; uint8_t cmd, status; };
struct ring { struct desc *desc __attribute__((fgft_count(count))); unsigned int count, head; unsigned long stats[4]; };
`;
  const body: string[] = [];
  for (let k = 0; k < functions; k++) body.push(generatedFunction(k));
  return `#define _GNU_SOURCE\n${includes}\n${types}\n${body.join('')}`;
}

function preprocess(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fgftc-fe-bench-'));
  try {
    const file = join(dir, 'throughput.c');
    writeFileSync(file, source);
    return execFileSync('gcc', ['-E', '-std=gnu11', file], { maxBuffer: 512 << 20 }).toString('latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export async function benchFrontendThroughput(): Promise<Record<string, number>> {
  // Size the generated part so that the preprocessed file reaches the target.
  const headerLines = countLines(preprocess(buildSource(0)));
  const perFunction = countLines(generatedFunction(0));
  const functions = Math.max(0, Math.ceil((TARGET_LINES - headerLines) / perFunction));
  const text = preprocess(buildSource(functions));
  const lines = countLines(text);

  parseTranslationUnit('throughput.c', text); // warm-up: JIT, parser language load
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let parseErrors = 0;
  let symbols = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const unit = parseTranslationUnit('throughput.c', text);
    const cpu = process.cpuUsage(c0);
    seconds.push((performance.now() - t0) / 1000);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    parseErrors = unit.errors.length;
    symbols = unit.symbols.functions.size + unit.symbols.structs.size + unit.symbols.typedefs.size + unit.symbols.globals.size;
  }
  const s = median(seconds);
  const cpu = median(cpuSeconds);
  return {
    lines,
    headerLines,
    generatedFunctions: functions,
    seconds: round(s, 3),
    linesPerSecond: Math.round(lines / s),
    // The fastest run: the least disturbed by other work on the machine (the median above is the figure).
    bestLinesPerSecond: Math.round(lines / Math.min(...seconds)),
    // CPU time of this process (the front end is single-threaded): steadier than wall time on a shared machine.
    cpuSeconds: round(cpu, 3),
    linesPerCpuSecond: Math.round(lines / cpu),
    parseErrors,
    symbols,
    runs: RUNS,
  };
}
