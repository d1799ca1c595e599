// `fgftc stubs [gcc flags] file.c... [--json]`: list the driver entry points
// fgftc finds (and will wrap in krecover stubs with --fgftc-stubs), and why.
import { UserError } from '../diagnostics.js';
import type { Subcommand } from './subcommand.js';

const USAGE = `Usage: fgftc stubs [gcc flags] file.c... [--json]

Lists every entry point of each file (preprocessed with the given gcc flags):
functions stored in an ops table, passed to a registration call (request_irq,
timer_setup, ...), stored in a variable or field, named by module_init or
module_exit, or marked ENTRY, minus those marked NOENTRY. For each: the
reasons, and what its stub returns when the driver fails.
`;

export const stubsCommand: Subcommand = {
  name: 'stubs',
  description: 'list the driver entry points that get recovery stubs, and why',
  async run(argv) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(USAGE);
      return argv.length === 0 ? 1 : 0;
    }
    const json = argv.includes('--json');
    const gccArgs = argv.filter((a) => a !== '--json');
    const [{ preprocessCommandLine }, { parseTranslationUnit }, { describeEntryPoints, entryPointTable }] = await Promise.all([
      import('../../fault-inject/preprocess.js'),
      import('../frontend/parse.js'),
      import('../passes/stubs/listing.js'),
    ]);
    const files = preprocessCommandLine(gccArgs);
    if (files.length === 0) throw new UserError('no C source file given');
    for (const file of files) {
      const views = describeEntryPoints(parseTranslationUnit(file.path, file.text));
      if (json) {
        for (const v of views) process.stdout.write(JSON.stringify({ file: file.path, ...v }) + '\n');
      } else {
        process.stdout.write(entryPointTable(views));
        const stubs = views.filter((v) => v.status === 'stub').length;
        process.stderr.write(`${file.path}: ${views.length} entry point${views.length === 1 ? '' : 's'}, ${stubs} stubbed\n`);
      }
    }
    return 0;
  },
};
