// fgftc's subcommands (`fgftc NAME ...`): registering one is one line here.
// The CLI imports this list only when argv[0] looks like a subcommand name, so
// compiling through the drop-in driver never pays for it; still, keep command
// modules light at top level and load heavy parts inside run().
import type { Subcommand } from './subcommand.js';
import { faultsCommand } from './faults.js';
import { campaignCommand } from './campaign.js';
import { stubsCommand } from './stubs.js';
import { lintCommand } from './lint.js';

export type { Subcommand } from './subcommand.js';

export const commands: Subcommand[] = [faultsCommand, campaignCommand, stubsCommand, lintCommand];
