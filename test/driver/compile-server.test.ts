// The native client (dist/bin/fgftc-client, run by bin/fgftc) and the warm
// compile server: a call it serves behaves as the same call run by Node
// (FGFTC_SERVER=0) and as gcc: same exit status, stdout, stderr and their
// order, files and relative paths; the first call starts the server and waits
// for it; a call it cannot serve (no server in time, stdin, an unsafe socket
// directory, broken workers) is run by Node instead; a rebuild retires it.
// Runs on a private copy of bin/ and dist/ inside the checkout (node_modules
// resolves), with its own server directory: other builds may rewrite the shared
// dist/ at any time, and the last test "rebuilds" the copy.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../compiler/driver/build-client.js';
import { FRAME, FrameReader, decodeRan, encodeRun } from '../../compiler/driver/compile-protocol.js';
import { copyProject, gcc, repoRoot, requireBuilt, run, scratchDir, type Ran } from './helpers.js';

const copyRoot = join(repoRoot, 'test', '.work', `client-${process.pid}`);
const bin = join(copyRoot, 'bin', 'fgftc');
const scratch = scratchDir('client');
const dir = scratch.dir;
const project = join(dir, 'project');
const serverDir = join(dir, 'servers');
const env: NodeJS.ProcessEnv = {
  FGFTC_SERVER: '',
  FGFTC_SERVER_DIR: serverDir,
  FGFTC_SERVER_IDLE_MS: '60000',
  FGFTC_SERVER_WORKERS: '4',
  FGFTC_NESTING: '',
  FGFTC_DEBUG: '1',
};
const nodeEnv: NodeJS.ProcessEnv = { ...env, FGFTC_SERVER: '0', FGFTC_DEBUG: '' };

const sources: Record<string, string> = {
  'ok.c': 'int ok(void) { return 0; }\nint main(void) { return ok(); }\n',
  'type-error.c': 'int main(void)\n{\n\treturn "x" * 2;\n}\n',
  'macro-error.c': '#define SCALE(x) ((x) * "s")\nint f(int a)\n{\n\treturn SCALE(a);\n}\n',
  'warn.c': 'int f(int a)\n{\n\tint unused;\n\treturn a;\n}\n',
  'warn-e.c': '#warning "from the preprocessor"\nint before;\n#define TWICE(x) ((x) + (x))\nint twice(int a) { return TWICE(a); }\n',
  'undefined.c': 'int missing(void);\nint main(void) { return missing(); }\n',
};

// gcc's temporary object in a link error message has a random name.
const TEMP_OBJECT = /\/tmp\/cc\w+\.o/g;

/** The client's name for a checkout's server (FNV-1a, 64 bits, of its real path). */
function locationHash(path: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(path)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DEBUG_LINE = /^fgftc: debug: .*\n/gm;
const withoutDebug = (text: string): string => text.replace(DEBUG_LINE, '');

function call(args: readonly string[], extra: NodeJS.ProcessEnv = {}, cwd = dir, input?: string): Ran {
  return run(bin, args, cwd, input, { ...env, ...extra });
}

/** One call that the compile server must serve; its output without fgftc's debug lines. */
function served(args: readonly string[], extra: NodeJS.ProcessEnv = {}, cwd = dir): Ran {
  const r = call(args, extra, cwd);
  expect(r.stderr, 'this call was not served').toContain('fgftc: debug: client: served');
  return { ...r, stderr: withoutDebug(r.stderr) };
}

/** The same call run by Node in-process (FGFTC_SERVER=0). */
function byNode(args: readonly string[], extra: NodeJS.ProcessEnv = {}, cwd = dir): Ran {
  return run(bin, args, cwd, undefined, { ...nodeEnv, ...extra });
}

function pidOf(serverDirectory: string): number | undefined {
  const f = existsSync(serverDirectory) ? readdirSync(serverDirectory).find((n) => /^compile-.*\.pid$/.test(n)) : undefined;
  return f === undefined ? undefined : Number(readFileSync(join(serverDirectory, f), 'utf8'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 5000): Promise<boolean> {
  for (let t = 0; t < ms && alive(pid); t += 50) await sleep(50);
  return !alive(pid);
}

/** A C compiler wrapper script (FGFTC_CC) in the scratch directory. */
function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Stop the servers of this test: the compile server, and the transform server its Node calls started. */
function stopServers(serverDirectory: string): void {
  const pidFiles = existsSync(serverDirectory) ? readdirSync(serverDirectory).filter((n) => n.endsWith('.pid')) : [];
  for (const f of pidFiles) {
    const pid = Number(readFileSync(join(serverDirectory, f), 'utf8'));
    if (alive(pid)) process.kill(pid, 'SIGTERM');
  }
}

beforeAll(() => {
  requireBuilt();
  rmSync(copyRoot, { recursive: true, force: true });
  mkdirSync(copyRoot, { recursive: true });
  cpSync(join(repoRoot, 'dist'), join(copyRoot, 'dist'), { recursive: true, preserveTimestamps: true });
  cpSync(join(repoRoot, 'bin'), join(copyRoot, 'bin'), { recursive: true });
  cpSync(join(repoRoot, 'package.json'), join(copyRoot, 'package.json'));
  // What a link through fgftc reads besides dist/: the runtime's C sources.
  cpSync(join(repoRoot, 'runtime-c'), join(copyRoot, 'runtime-c'), { recursive: true });
  cpSync(join(repoRoot, 'fault-inject', 'runtime'), join(copyRoot, 'fault-inject', 'runtime'), { recursive: true });
  // Bundle and build the client afresh into the copy: a bare tsc in the shared tree may have left
  // dist/bundle/ older than dist/compiler/ (then bin/fgftc rightly runs neither bundle nor client).
  const bundler = join(repoRoot, 'dist', 'compiler', 'driver', 'bundle-cli.js');
  const r = spawnSync(process.execPath, [bundler, '--dist', join(copyRoot, 'dist')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling failed: ${r.stderr}`);
  const failure = buildClient(repoRoot, join(copyRoot, 'dist'));
  if (failure !== undefined) throw new Error(`the native client did not build: ${failure}`);
  mkdirSync(serverDir, { mode: 0o700 });
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
  copyProject('gnu-multi', project);
});

afterAll(() => {
  stopServers(serverDir);
  rmSync(copyRoot, { recursive: true, force: true });
  scratch.cleanup();
});

describe('native client and compile server', () => {
  it('starts a server on the first call and waits for it to serve the call', () => {
    const node = byNode(['-c', 'ok.c', '-o', 'by-node.o']);
    expect(node.status, node.stderr).toBe(0);
    const first = call(['-c', 'ok.c', '-o', 'first.o']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('client: starting a compile server');
    expect(first.stderr).toContain('client: served');
    expect(readFileSync(join(dir, 'first.o'))).toEqual(readFileSync(join(dir, 'by-node.o')));
    expect(pidOf(serverDir)).toBeGreaterThan(0);
  });

  it('runs the call with Node when no server comes up in time (here: one that cannot start)', () => {
    const noServerDir = join(dir, 'no-server');
    mkdirSync(noServerDir, { mode: 0o700 });
    const serverScript = join(copyRoot, 'dist', 'bundle', 'compile-server.js');
    const working = readFileSync(serverScript);
    writeFileSync(serverScript, 'process.exit(1);\n');
    try {
      const started = performance.now();
      // Short idle time: the transform server this Node run starts leaves by itself soon.
      const r = call(['-c', 'ok.c', '-o', 'no-server.o'], { FGFTC_SERVER_DIR: noServerDir, FGFTC_SERVER_IDLE_MS: '1000' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('client: starting a compile server');
      expect(r.stderr).toContain('client: running fgftc with Node: no compile server yet');
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(readFileSync(join(dir, 'no-server.o'))).toEqual(readFileSync(join(dir, 'by-node.o')));
    } finally {
      writeFileSync(serverScript, working);
      stopServers(noServerDir);
    }
  });

  const sameAsGcc: Array<[string, string[]]> = [
    ['compile error', ['-c', 'type-error.c']],
    ['error in a macro expansion', ['-c', 'macro-error.c']],
    ['warnings', ['-Wall', '-c', 'warn.c', '-o', 'warn.o']],
    ['link error', ['undefined.c', '-o', 'undefined']],
    ['missing input', ['-c', 'does-not-exist.c']],
    ['query', ['-dumpversion']],
  ];
  for (const [what, args] of sameAsGcc) {
    it(`${what}: status, stdout and stderr as gcc's and as the Node path's`, () => {
      const outcome = (r: Ran) => [r.status, r.stdout, r.stderr.replace(TEMP_OBJECT, '/tmp/ccXXXXXX.o')];
      const ours = outcome(served(args));
      expect(ours).toEqual(outcome(gcc(args, dir)));
      expect(ours).toEqual(outcome(byNode(args)));
    });
  }

  it("fgftc's own error: one line, status 1, as in Node", () => {
    const args = ['--fgftc-frobnicate', '-c', 'ok.c'];
    const ours = served(args);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toMatch(/^fgftc: error: unrecognized fgftc option '--fgftc-frobnicate'.*\n$/);
    expect([ours.status, ours.stderr]).toEqual([byNode(args).status, byNode(args).stderr]);
  });

  it('a C compiler that cannot be started: the same one-line error as in Node', () => {
    const missing = { FGFTC_CC: 'no-such-cc-here' };
    const ours = served(['-c', 'ok.c'], missing);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toMatch(/^fgftc: error: cannot run the C compiler 'no-such-cc-here': No such file or directory/);
    const node = byNode(['-c', 'ok.c'], missing);
    expect([ours.status, ours.stderr]).toEqual([node.status, node.stderr]);
  });

  it('-E to stdout: the instrumented text on stdout, the #warning on stderr, in order when both go to one pipe', () => {
    const args = ['-E', 'warn-e.c'];
    const ours = served(args);
    const node = byNode(args);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toContain('int twice(int a) { return ((a) + (a)); }');
    expect(ours.stderr).toMatch(/warn-e\.c:1:2: warning: #warning "from the preprocessor"/);
    expect([ours.stdout, ours.stderr]).toEqual([node.stdout, node.stderr]);
    // Both streams into one pipe (as make shows them): the warning comes first, as in Node and gcc.
    const merged = (e: NodeJS.ProcessEnv) => run('sh', ['-c', 'exec "$0" "$@" 2>&1', bin, ...args], dir, undefined, e).stdout;
    const servedMerged = merged(env);
    expect(servedMerged).toContain('fgftc: debug: client: served');
    expect(withoutDebug(servedMerged)).toBe(merged(nodeEnv));
    expect(withoutDebug(servedMerged).indexOf('warning')).toBeLessThan(withoutDebug(servedMerged).indexOf('int before;'));
  });

  it('exit status 128+N when cc is killed by signal N', () => {
    const killed = { FGFTC_CC: script('segv-cc', 'kill -SEGV $$') };
    const ours = served(['-c', 'ok.c', '-o', 'never.o'], killed);
    expect(ours.status).toBe(128 + 11);
    expect(byNode(['-c', 'ok.c', '-o', 'never.o'], killed).status).toBe(128 + 11);
  });

  it('Ctrl-C: the client and its cc die of SIGINT, and nothing more is run for the call', async () => {
    const pidFile = join(dir, 'slow-cc.pid');
    const ranAgain = join(dir, 'ran-again');
    // The first cc (preprocessing) waits to be interrupted; a second one would leave a mark.
    const slow = { FGFTC_CC: script('slow-cc', `[ -e "${pidFile}" ] && touch "${ranAgain}"\necho $$ > "${pidFile}"\nexec sleep 30`) };
    // Its own process group, as a terminal's foreground job: Ctrl-C signals the whole group.
    const child = spawn(bin, ['-c', 'ok.c', '-o', 'interrupted.o'], { cwd: dir, env: { ...process.env, ...env, ...slow }, detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    for (let t = 0; t < 10_000 && !existsSync(pidFile); t += 50) await sleep(50);
    const ccPid = Number(readFileSync(pidFile, 'utf8'));
    expect(stderr).toContain('served by compile-server worker');
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await ended).toBe('SIGINT');
    expect(await gone(ccPid)).toBe(true);
    await sleep(300);
    expect(existsSync(ranAgain)).toBe(false);
    served(['-c', 'ok.c', '-o', 'after.o']); // the worker is free again
  });

  it("relative paths mean what they mean in the client's directory (sources, -I, -o, .d files, --stats)", () => {
    const src = join(project, 'src');
    const args = ['-I../include', '-DRING_SLOTS=8', '-O2', '-MMD', '-MP', '-c', 'ring.c', '-o', '../rel/ring.o'];
    mkdirSync(join(project, 'rel'));
    const expected = gcc(args, src);
    expect(expected.status, expected.stderr).toBe(0);
    const gccDeps = readFileSync(join(project, 'rel', 'ring.d'), 'utf8');
    rmSync(join(project, 'rel', 'ring.d'));
    const ours = served([...args, '--stats=stats.jsonl'], {}, src);
    const toStderr = served(['-I../include', '-DRING_SLOTS=8', '-c', 'ring.c', '-o', '../rel/ring2.o', '--stats=-'], {}, src);
    expect(toStderr.status, toStderr.stderr).toBe(0);
    expect(JSON.parse(toStderr.stderr).file).toBe('ring.c');
    expect(ours.status, ours.stderr).toBe(0);
    expect(existsSync(join(project, 'rel', 'ring.o'))).toBe(true);
    expect(readFileSync(join(project, 'rel', 'ring.d'), 'utf8')).toBe(gccDeps);
    expect(JSON.parse(readFileSync(join(src, 'stats.jsonl'), 'utf8')).file).toBe('ring.c');
  });

  it("gives cc the client's environment and umask", () => {
    const echoing = { FGFTC_CC: script('echo-cc', 'echo "cc sees MARK=$MARK" >&2\nexec gcc "$@"'), MARK: 'client-side' };
    const ours = served(['-c', 'ok.c', '-o', 'env.o'], echoing);
    expect(ours.status).toBe(0);
    expect(ours.stderr).toContain('cc sees MARK=client-side');
    const umasked = run('sh', ['-c', 'umask 077; exec "$0" "$@"', bin, '-c', 'ok.c', '-o', 'private.o'], dir, undefined, env);
    expect(umasked.stderr).toContain('client: served');
    expect(statSync(join(dir, 'private.o')).mode & 0o777).toBe(0o600);
  });

  it("colours diagnostics as gcc does when the client's stderr is a terminal", () => {
    // script(1) gives the command a terminal; TERM=xterm: colours, no URLs (gcc's rule for that TERM).
    const onTerminal = (command: string, extra: NodeJS.ProcessEnv) =>
      run('script', ['-qec', command, '/dev/null'], dir, undefined, { ...env, FGFTC_DEBUG: '', ...extra }).stdout;
    const plainGcc = onTerminal('gcc -c type-error.c', { TERM: 'xterm' });
    const ours = onTerminal(`${bin} -c type-error.c`, { TERM: 'xterm' });
    expect(plainGcc).toContain('\x1b[');
    expect(ours).toBe(plainGcc);
    expect(onTerminal(`${bin} -c type-error.c`, { TERM: 'dumb' })).not.toContain('\x1b[');
  });

  it('serves concurrent calls (make -j) with several warm workers', async () => {
    const slowGcc = { FGFTC_CC: script('slow-gcc', 'sleep 0.3\nexec gcc "$@"') };
    const files = ['ring', 'packets', 'main', 'ring', 'packets', 'main'];
    const runs = files.map(
      (f, k) =>
        new Promise<Ran>((resolve) => {
          const args = ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-c', `src/${f}.c`, '-o', `parallel-${k}.o`];
          const child = spawn(bin, args, { cwd: project, env: { ...process.env, ...env, ...slowGcc } });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (status) => resolve({ status: status ?? 128, stdout, stderr }));
        }),
    );
    const results = await Promise.all(runs);
    const workers = new Set<string>();
    for (const [k, r] of results.entries()) {
      expect(r.status, r.stderr).toBe(0);
      const worker = /served by compile-server worker (\d+)/.exec(r.stderr)?.[1];
      if (worker) workers.add(worker);
      expect(readFileSync(join(project, `parallel-${k}.o`))).toEqual(readFileSync(join(project, `parallel-${k % 3}.o`)));
    }
    expect(workers.size).toBeGreaterThan(1);
  });

  it('compiles each unit as a fresh process would, whatever the worker served before', () => {
    // Fault schemata number their sites per unit and bounds checking keeps per-unit facts.
    const unit = (file: string, k: number) => ['-Iinclude', '-DRING_SLOTS=8', '-O2', '-c', `src/${file}.c`, '-o', `seq-${k}.o`,
      '--fgftc-fault=all', '--fgftc-fault-schemata', '--fgftc-bounds'];
    for (const [k, file] of ['ring', 'packets', 'main', 'ring'].entries()) {
      const ours = served(unit(file, k), {}, project);
      expect(ours.status, ours.stderr).toBe(0);
      const object = readFileSync(join(project, `seq-${k}.o`));
      const node = byNode(unit(file, k), {}, project);
      expect(node.status, node.stderr).toBe(0);
      expect(object).toEqual(readFileSync(join(project, `seq-${k}.o`)));
    }
  });

  it('runs a call that reads stdin with Node', () => {
    const r = call(['-x', 'c', '-c', '-', '-o', 'stdin.o'], {}, dir, 'int from_stdin(void) { return 1; }\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("client: running fgftc with Node: an argument '-'");
    expect(statSync(join(dir, 'stdin.o')).size).toBeGreaterThan(0);
  });

  it('uses no server with FGFTC_SERVER=0, nor in a socket directory others can enter', () => {
    const unused = join(dir, 'unused-dir');
    const off = call(['-c', 'ok.c', '-o', 'off.o'], { FGFTC_SERVER: '0', FGFTC_SERVER_DIR: unused });
    expect(off.status, off.stderr).toBe(0);
    expect(off.stderr).not.toContain('client:');
    expect(existsSync(unused)).toBe(false);

    const open = join(dir, 'open-dir');
    mkdirSync(open, { mode: 0o755 });
    chmodSync(open, 0o755);
    const r = call(['-c', 'ok.c', '-o', 'open.o'], { FGFTC_SERVER_DIR: open });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('client: running fgftc with Node: no private server directory');
    expect(readdirSync(open)).toEqual([]);
  });

  it('when its workers cannot start, declines every call (Node runs it) and is not started again and again', async () => {
    const brokenDir = join(dir, 'broken-servers');
    mkdirSync(brokenDir, { mode: 0o700 });
    const workerScript = join(copyRoot, 'dist', 'bundle', 'compile-worker.js');
    const working = readFileSync(workerScript);
    writeFileSync(workerScript, 'process.exit(3);\n');
    try {
      const broken = { FGFTC_SERVER_DIR: brokenDir };
      let r = call(['-c', 'ok.c', '-o', 'broken.o'], broken);
      for (let i = 0; i < 40 && !r.stderr.includes('workers fail to start'); i++) {
        expect(r.status, r.stderr).toBe(0);
        await sleep(250);
        r = call(['-c', 'ok.c', '-o', 'broken.o'], broken);
      }
      expect(r.stderr).toContain('client: running fgftc with Node: compile-server workers fail to start');
      const server = pidOf(brokenDir);
      for (let i = 0; i < 3; i++) {
        const again = call(['-c', 'ok.c', '-o', 'broken.o'], broken);
        expect(again.status, again.stderr).toBe(0);
        expect(again.stderr).toContain('workers fail to start');
      }
      expect(pidOf(brokenDir)).toBe(server);
    } finally {
      writeFileSync(workerScript, working);
      stopServers(brokenDir);
    }
  });

  it('a server that falls silent after the client ran a cc for it: Node runs the call from the start', async () => {
    // A stand-in server at the copy's socket: it has the client run `true`, then says nothing more.
    const silentDir = join(dir, 'silent-server');
    mkdirSync(silentDir, { mode: 0o700 });
    const socket = join(silentDir, `compile-${locationHash(realpathSync(copyRoot))}.sock`);
    const ranTrue = new Promise<Buffer>((resolve) => {
      const server = createServer((conn) => {
        const reader = new FrameReader();
        conn.on('data', (chunk: Buffer) => {
          for (const f of reader.push(chunk)) {
            if (f.type === FRAME.request) conn.write(encodeRun(['true'], false, '1'));
            if (f.type === FRAME.ran) resolve(f.data);
          }
        });
        conn.on('close', () => server.close());
      });
      server.listen(socket);
    });
    await sleep(100);
    const child = spawn(bin, ['-c', 'ok.c', '-o', 'silent.o'], {
      cwd: dir,
      env: { ...process.env, ...env, FGFTC_SERVER_DIR: silentDir, FGFTC_SERVER_SILENT_MS: '500', FGFTC_SERVER_IDLE_MS: '1000' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(decodeRan(await ranTrue)).toMatchObject({ status: 0, signal: 0, error: undefined });
    expect(status, stderr).toBe(0);
    expect(stderr).toContain('client: running fgftc with Node: no word from the compile server for 500 ms');
    expect(readFileSync(join(dir, 'silent.o'))).toEqual(readFileSync(join(dir, 'by-node.o')));
  });

  it('a worker silent before its first frame to the client: Node runs the call, the wait is bounded', async () => {
    // The worker takes the call, then stalls before it has the client run anything (here: it builds
    // fgftc's runtime for a link with a cc that hangs the first time). The client must count that
    // silence too, not take it for a call still queued behind others (which may wait without bound).
    const stallDir = join(dir, 'stall-server');
    mkdirSync(stallDir, { mode: 0o700 });
    const marker = join(dir, 'stalled-once');
    const stallingCc = script('stalling-cc', `case "$*" in *fgft_check.c*) [ -e '${marker}' ] || { : > '${marker}'; sleep 10; } ;; esac\nexec gcc "$@"`);
    expect(gcc(['-c', 'ok.c', '-o', 'stall-ok.o'], dir).status).toBe(0);
    const started = performance.now();
    const r = call(['stall-ok.o', '-o', 'stall-prog'], {
      FGFTC_SERVER_DIR: stallDir,
      FGFTC_SERVER_SILENT_MS: '1000',
      FGFTC_SERVER_IDLE_MS: '1000',
      FGFTC_CC: stallingCc,
      FGFTC_DEBUG: '', // a debug line would be fgftc's own output: then the call could not start again
    });
    const elapsed = performance.now() - started;
    stopServers(stallDir);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(marker), 'the worker did not stall').toBe(true);
    expect(elapsed).toBeLessThan(7000); // not the 10 s the worker stalls
    expect(run(join(dir, 'stall-prog'), [], dir).status).toBe(0);
  });

  it('retires when fgftc is rebuilt; a new server takes over', async () => {
    const before = pidOf(serverDir);
    expect(before).toBeGreaterThan(0);
    // What a rebuild does to the build id: dist/bundle/cli.js is written anew.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(copyRoot, 'dist', 'bundle', 'cli.js'), later, later);
    const r = call(['-c', 'ok.c', '-o', 'rebuilt.o']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('client: fgftc was rebuilt: the compile server retired');
    expect(r.stderr).toContain('client: starting a compile server');
    expect(r.stderr).toContain('client: served');
    expect(await gone(before as number)).toBe(true);
    expect(pidOf(serverDir)).not.toBe(before);
  });
});
