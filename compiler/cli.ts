// fgftc's command line: `fgftc SUBCOMMAND ...` runs a registered subcommand;
// anything else is a gcc command line for the drop-in driver. Every failure is
// one `fgftc: error: ...` line and a non-zero status, never a stack trace.
import { readFileSync } from 'node:fs';
import { reportFailure } from './diagnostics.js';
import { runDriver } from './driver/driver.js';
import { featureFlags } from './driver/feature-flags.js';
import { defaultFgftcOptions } from './driver/fgftc-options.js';
import { runCc } from './driver/run-cc.js';


function fgftcVersion(): string {
  // dist/compiler/cli.js and compiler/cli.ts sit at different depths below package.json.
  for (const up of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'fgftc' && pkg.version) return pkg.version;
    } catch {
      // try the next level
    }
  }
  return 'unknown';
}

async function printHelp(): Promise<void> {
  const { commands } = await import('./commands/index.js');
  const width = Math.max(28, ...featureFlags.map((f) => f.name.length + (f.value ? f.value.length + 1 : 0)));
  const row = (left: string, right: string): string => `  ${left.padEnd(width)}  ${right}\n`;
  let text =
    'Usage: fgftc [fgftc options] <gcc command line>\n' +
    '       fgftc <subcommand> [options]\n\n' +
    'As a compiler, fgftc accepts gcc\'s command line (use it as CC=fgftc): each C source is\n' +
    'preprocessed by the real compiler, transformed by fgftc, and compiled; everything else\n' +
    'goes to the real compiler unchanged.\n\nfgftc options:\n' +
    row('--cc=CC', 'the real compiler (default: $FGFTC_CC, else gcc)') +
    row('--keep', 'keep the instrumented C beside the object (NAME.fgftc.i; also -save-temps)') +
    row('--stats=FILE|-', 'append one JSON line of statistics per translation unit (- : stderr)');
  for (const f of featureFlags) text += row(f.value ? `${f.name}=${f.value}` : f.name, f.help);
  if (commands.length > 0) {
    text += '\nSubcommands (fgftc <subcommand> --help for their options):\n';
    for (const c of commands) text += row(c.name, c.description);
  }
  text +=
    '\nEnvironment: FGFTC_CC (the real compiler), FGFTC_DEBUG=1 (show the commands fgftc runs),\n' +
    '  FGFTC_SERVER=0 (transform in each compile\'s own process instead of a warm background server)\n';
  process.stdout.write(text);
}

function printVersion(): void {
  // The real compiler's text comes first: build systems (kbuild's CC_VERSION_TEXT) read line 1.
  try {
    runCc(defaultFgftcOptions(process.env).cc, ['--version']);
  } catch {
    // no usable compiler: fgftc's own version still prints
  }
  process.stdout.write(`fgftc ${fgftcVersion()} (fail-safe driver compiler wrapping the C compiler above)\n`);
}

/** A word that could name a subcommand (an input file would normally have a suffix or a slash). */
function looksLikeSubcommand(word: string | undefined): word is string {
  return word !== undefined && /^[a-z][a-z0-9-]*$/.test(word);
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && argv[0] === '--help') {
    await printHelp();
    return 0;
  }
  if (argv.length === 1 && argv[0] === '--version') {
    printVersion();
    return 0;
  }
  if (looksLikeSubcommand(argv[0])) {
    const { commands } = await import('./commands/index.js');
    const command = commands.find((c) => c.name === argv[0]);
    if (command) return command.run(argv.slice(1));
  }
  return runDriver(argv, process.env);
}

function report(err: unknown): number {
  return reportFailure(err, (text) => process.stderr.write(text), process.env);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.exitCode = report(err);
  },
);
