// `fgftc lint [gcc flags] files... [--format gcc|json|sarif]`: run the bounds
// checker without compiling, for CI. Exit status 1 if any error was found.
import { UserError } from '../diagnostics.js';
import type { Subcommand } from './subcommand.js';

const USAGE = `Usage: fgftc lint [gcc flags] file.c... [--format gcc|json|sarif]

Checks bounds annotations (fgft.h) statically, without compiling: constant
out-of-bounds accesses, arithmetic on SAFE pointers, NULL reaching NONNULL,
arguments that claim more elements than they have; and warns about pointer
arithmetic on unannotated parameters of interface functions.
Exit status: 0 clean or warnings only, 1 errors found.
`;

export const lintCommand: Subcommand = {
  name: 'lint',
  description: 'check bounds annotations without compiling (gcc, json or sarif output)',
  async run(argv) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(USAGE);
      return argv.length === 0 ? 1 : 0;
    }
    let format = 'gcc';
    const gccArgs: string[] = [];
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k];
      if (a === '--format') format = argv[++k] ?? '';
      else if (a.startsWith('--format=')) format = a.slice('--format='.length);
      else gccArgs.push(a);
    }
    if (format !== 'gcc' && format !== 'json' && format !== 'sarif') throw new UserError(`--format must be gcc, json or sarif, not '${format}'`);
    const [{ preprocessCommandLine }, { lintUnit }, { formatDiagnostics }] = await Promise.all([
      import('../../fault-inject/preprocess.js'),
      import('../lint/lint-unit.js'),
      import('../lint/format.js'),
    ]);
    const files = preprocessCommandLine(gccArgs);
    const diags = files.flatMap((f) => lintUnit(f.path, f.text));
    const out = formatDiagnostics(diags, format);
    (format === 'gcc' ? process.stderr : process.stdout).write(out);
    const errors = diags.filter((d) => d.severity === 'error' || d.severity === 'fatal error').length;
    if (format === 'gcc' && diags.length > 0) {
      const warnings = diags.filter((d) => d.severity === 'warning').length;
      process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
