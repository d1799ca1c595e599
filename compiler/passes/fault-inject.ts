// The fault-injection pass: `--fault TYPE [--seed N | --fault-site ID]`
// injects one fault; with `schemata` every site of the chosen operators is
// compiled in behind a run-time selector (see fault-inject/).
import { UserError } from '../diagnostics.js';
import { inject } from '../../fault-inject/inject.js';
import type { Pass } from './pass.js';

export const faultInjectPass: Pass = {
  name: 'fault-inject',
  stage: 'source',
  description: 'compile-time fault injection (SafeDrive-style FAULT=/SEED=, one-build mutant schemata)',
  enabled: (options) => options.fault !== undefined,
  run(ctx) {
    const fault = ctx.options.fault;
    if (!fault) return;
    let result;
    try {
      result = inject(ctx.unit, fault, ctx.edits);
    } catch (err) {
      if (err instanceof UserError) {
        ctx.diagnostics.error(undefined, err.message, 'fault/usage');
        return;
      }
      throw err;
    }
    if (result.prelude) ctx.prelude.add(result.prelude);
    ctx.stats.faultsInjected += result.injected.length;
    ctx.stats.details = { ...ctx.stats.details, 'fault-inject': result };
    if (result.mode === 'single' && result.injected.length === 0 && result.candidates === 0) {
      ctx.diagnostics.warning(undefined, `no site for fault type '${fault.operator}' in ${ctx.unit.path}; nothing injected`, 'fault/no-site');
    }
    if (!fault.verbose) return;
    for (const r of result.injected) {
      ctx.diagnostics.report({
        severity: 'note',
        location: { file: r.file, line: r.line, column: r.column },
        message: `injected fault ${r.operator} (site ${r.id}): '${r.before}' -> '${r.after}'`,
        rule: 'fault/injected',
      });
    }
  },
};
