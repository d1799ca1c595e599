// fgftc as a drop-in for gcc: take a gcc command line, pass through what is
// not ours, and for each C source preprocess -> transform -> compile.
import { UserError } from '../diagnostics.js';
import { inputs, options, parseCommandLine, type CommandLine } from './command-line.js';
import { colourWords, processIO, type DriverIO } from './driver-io.js';
import { defaultFgftcOptions, isFgftcOption, splitFgftcOptions, validateFgftcOptions, type FgftcOptions } from './fgftc-options.js';
import { planCommand } from './plan.js';
import { expandResponseFiles } from './response-files.js';
import { MAX_NESTING, NESTING_VARIABLE, startCc } from './run-cc.js';
import type { BuildContext } from './transformed-build.js';

export interface DriverRequest {
  fgftc: FgftcOptions;
  /** The gcc arguments with @files expanded (what fgftc reasons about). */
  command: CommandLine;
  /** The gcc arguments as cc should get them when fgftc does nothing (@files kept). */
  passthroughArgs: string[];
}

/** Read fgftc's options and the gcc command line, from argv and from any @file. */
export function readDriverRequest(argv: readonly string[], env: NodeJS.ProcessEnv): DriverRequest {
  const fgftc = defaultFgftcOptions(env);
  const top = splitFgftcOptions(argv, fgftc);
  const expanded = expandResponseFiles(top.gccArgs).args;
  // fgftc options inside an @file: cc must then get the expanded words without them.
  const inFiles = expanded.some(isFgftcOption);
  const gccArgs = inFiles ? splitFgftcOptions(expanded, fgftc).gccArgs : expanded;
  validateFgftcOptions(fgftc);
  return { fgftc, command: parseCommandLine(gccArgs), passthroughArgs: inFiles ? gccArgs : top.gccArgs };
}

/** FGFTC_DEBUG=1: what fgftc decided and ran, with milliseconds since the run started. */
function debug(io: DriverIO, message: string): void {
  if (io.env.FGFTC_DEBUG) io.writeStderr(`fgftc: debug: +${Math.round(io.elapsedMs())}ms ${message}\n`);
}

/**
 * The warm transform server is on unless FGFTC_SERVER=0: it makes a build about a quarter faster
 * (bench/build-vs-gcc.ts), each unit is transformed independently of the ones before it
 * (test/driver/transform-server.test.ts), and any trouble reaching it falls back to this process.
 */
export function wantsServer(env: NodeJS.ProcessEnv): boolean {
  return env.FGFTC_SERVER !== '0';
}

/** The warm transform server's client, if a private socket directory can be had. */
async function transformServer(io: DriverIO): Promise<BuildContext['server']> {
  const [{ serverAddress }, { transformViaServer }] = await Promise.all([
    import('./server-address.js'),
    import('./transform-client.js'),
  ]);
  const address = serverAddress(io.env);
  if (!address) return undefined;
  return {
    transform: async (request) => {
      const result = await transformViaServer(address, request, io.cwd);
      debug(io, result ? 'transformed by the server' : 'server not available: transforming here');
      return result;
    },
  };
}

/** The runtime archive to append to this call, if it links a program (see runtime-library.ts). */
async function runtimeFor(request: DriverRequest): Promise<string[]> {
  if (request.command.mode !== 'link' || request.command.items.every((i) => i.type !== 'input')) return [];
  const { linksRuntime, runtimeArchive } = await import('./runtime-library.js');
  return linksRuntime(request.command) ? [runtimeArchive(request.fgftc.cc)] : [];
}

export interface DriverOptions {
  /** Send units to the warm transform server (unless FGFTC_SERVER=0); a compile-server worker transforms itself. */
  transformServer?: boolean;
}

/**
 * Run one gcc-style invocation; resolves to the exit status. `io` says where
 * its environment, directory and output are (default: this process's own).
 */
export async function runDriver(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  io: DriverIO = processIO(env),
  driverOptions: DriverOptions = {},
): Promise<number> {
  if (Number(env[NESTING_VARIABLE] ?? 0) >= MAX_NESTING) {
    throw new UserError('the C compiler fgftc runs (--cc= or FGFTC_CC) runs fgftc again; point it at the real compiler');
  }
  const request = readDriverRequest(argv, env);
  const plan = planCommand(request.command);
  if (plan.action === 'passthrough') {
    debug(io, `passing through to ${request.fgftc.cc.join(' ')}: ${plan.reason}`);
    const runtime = await runtimeFor(request);
    const colour = colourWords(request.command, io, false);
    return (await startCc(io, request.fgftc.cc, [...colour, ...request.passthroughArgs, ...runtime])).status;
  }
  const cmd = request.command;
  debug(io, `transforming ${plan.sources.map((s) => s.path).join(', ')} (${cmd.mode})`);
  // Loaded only now: pass-through calls (kbuild's many compiler probes) start faster without them.
  const [{ auxiliaryBase }, { TempDir }, { compileSources, preprocessSources }] = await Promise.all([
    import('./steps.js'),
    import('./temp-dir.js'),
    import('./transformed-build.js'),
  ]);
  const saveTemps = options(cmd).some((o) => o.role === 'save-temps');
  const ctx: BuildContext = {
    cmd,
    io,
    fgftc: request.fgftc,
    temp: new TempDir(io.env),
    saveTempsBase: saveTemps && cmd.mode !== 'preprocess' ? (input) => auxiliaryBase(cmd, input) : undefined,
    runtime: await runtimeFor(request),
    server: wantsServer(env) && driverOptions.transformServer !== false ? await transformServer(io) : undefined,
    log: env.FGFTC_DEBUG ? (m) => debug(io, m) : undefined,
  };
  try {
    if (cmd.mode === 'preprocess') return await preprocessSources(ctx, inputs(cmd), new Set(plan.sources));
    return await compileSources(ctx, plan.sources);
  } finally {
    ctx.temp.remove();
  }
}
