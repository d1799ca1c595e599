// `fgftc faults list` and `fgftc faults sites [gcc flags] file.c [--fault TYPE] [--seed N] [--json]`.
import { UserError } from '../diagnostics.js';
import type { Subcommand } from './subcommand.js';

const USAGE = `Usage: fgftc faults list
       fgftc faults sites [gcc flags] file.c [--fault TYPE[,TYPE...]|all] [--seed N] [--json]

list    the fault operators and what they do
sites   the candidate fault sites of a file, preprocessed with the given gcc flags;
        IDs are function:line:col:operator#n (use them with --fgftc-fault-site=ID
        or FGFT_FAULT=ID in one-build mode). With --seed, '*' marks the site that
        seed picks and 'after' shows that seed's mutation.
`;

interface SitesArgs {
  operator: string;
  seed?: number;
  json: boolean;
  gccArgs: string[];
}

function parseSitesArgs(argv: string[]): SitesArgs {
  const out: SitesArgs = { operator: 'all', json: false, gccArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
      const v = argv[++i];
      if (v === undefined) throw new UserError(`missing argument to '${name}'`);
      return v;
    };
    if (a === '--fault' || a.startsWith('--fault=')) out.operator = value('--fault');
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value('--seed');
      if (!/^\d+$/.test(v)) throw new UserError(`--seed: expected a non-negative integer, got '${v}'`);
      out.seed = Number(v);
    } else if (a === '--json') out.json = true;
    else out.gccArgs.push(a);
  }
  return out;
}

async function sites(argv: string[]): Promise<number> {
  const args = parseSitesArgs(argv);
  const [{ preprocessCommandLine }, { parseTranslationUnit }, { findSites, resolveOperators }, { siteTable, siteViews }] = await Promise.all([
    import('../../fault-inject/preprocess.js'),
    import('../frontend/parse.js'),
    import('../../fault-inject/sites.js'),
    import('../../fault-inject/listing.js'),
  ]);
  const chosen = resolveOperators(args.operator);
  for (const file of preprocessCommandLine(args.gccArgs)) {
    const unit = parseTranslationUnit(file.path, file.text);
    const views = siteViews(file.text, findSites(unit, chosen), args.seed);
    if (args.json) for (const v of views) process.stdout.write(JSON.stringify({ file: file.path, ...v }) + '\n');
    else process.stdout.write(siteTable(views));
    if (!args.json) process.stderr.write(`${file.path}: ${views.length} site${views.length === 1 ? '' : 's'}\n`);
  }
  return 0;
}

export const faultsCommand: Subcommand = {
  name: 'faults',
  description: 'list fault operators, or the fault sites of a C file',
  async run(argv) {
    const [what, ...rest] = argv;
    if (what === 'list') {
      const { operatorTable } = await import('../../fault-inject/listing.js');
      process.stdout.write(operatorTable());
      return 0;
    }
    if (what === 'sites') return sites(rest);
    if (what === undefined || what === '--help' || what === '-h') {
      process.stdout.write(USAGE);
      return what === undefined ? 1 : 0;
    }
    throw new UserError(`unknown 'faults' command '${what}' (expected 'list' or 'sites')`);
  },
};
