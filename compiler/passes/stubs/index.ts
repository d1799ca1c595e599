// Pass `entry-stubs` (krecover): find the driver's entry points and give each
// a stub that enters the recovery domain, runs the original and leaves; on a
// failure inside the driver the stub returns a failure value instead.
import { escapeFileName } from '../../emit/emit.js';
import type { Pass, PassContext } from '../pass.js';
import { detectors } from './detect/index.js';
import { findEntryPoints, type EntryPoint } from './entry-points.js';
import { krecoverPrelude, probePrelude, probeStatement } from './prelude.js';
import { ORIGINAL_PREFIX, planStub } from './stub-text.js';

const PASS = 'entry-stubs';

export const entryStubsPass: Pass = {
  name: PASS,
  description: 'krecover: wrap every driver entry point in a recovery stub',
  enabled: (options) => options.stubs?.enabled === true,
  run(ctx) {
    const entries = findEntryPoints(ctx.unit, detectors);
    const generated: { name: string; original: string; failure: string; reasons: string[] }[] = [];
    for (const entry of entries) {
      if (stubOne(ctx, entry)) {
        generated.push({
          name: entry.name,
          original: ORIGINAL_PREFIX + entry.name,
          failure: entry.failOverride ?? '',
          reasons: entry.reasons.map((r) => `${r.cause}: ${r.detail}`),
        });
      }
    }
    if (ctx.options.stubs?.probes !== false) insertProbes(ctx);
    ctx.stats.stubsGenerated += generated.length;
    ctx.stats.details = { ...ctx.stats.details, [PASS]: generated };
  },
};

/** Rename the definition and append its stub; false if it gets none. */
function stubOne(ctx: PassContext, entry: EntryPoint): boolean {
  const def = entry.definition;
  if (entry.excluded || entry.reasons.length === 0 || !def || !def.inMainFile) return false;
  if (def.hasParseError) {
    ctx.diagnostics.warning(def.location, `no recovery stub for entry point '${entry.name}': it could not be parsed`, 'stubs/parse');
    return false;
  }
  const plan = planStub(ctx.unit, entry, def.node);
  if ('refused' in plan) {
    ctx.diagnostics.warning(def.location, `no recovery stub for entry point '${entry.name}': ${plan.refused}`, 'stubs/signature');
    return false;
  }
  if (entry.failOverride !== undefined && plan.failure.kind === 'void') {
    ctx.diagnostics.warning(def.location, `KR_FAIL(${entry.failOverride}) ignored: '${entry.name}' returns void`, 'stubs/kr-fail');
  }
  for (const line of krecoverPrelude) ctx.prelude.add(line);
  ctx.edits.replace(plan.nameStart, plan.nameEnd, ORIGINAL_PREFIX + entry.name, PASS);
  if (plan.prototype) {
    // After the previous declaration, so attributes written before this
    // definition stay attached to it.
    const at = def.node.previousSibling?.endIndex ?? 0;
    ctx.edits.insert(at, `\n${plan.prototype}\n`, PASS);
  }
  // gcc attributes the stub to the line of the original definition.
  const loc = ctx.unit.lineMap.locate(def.node.startIndex);
  const marker = `# ${loc.line} "${escapeFileName(loc.file)}"\n`;
  const text = [plan.comment, ...plan.pragmas, marker + plan.stub, '#pragma GCC diagnostic pop'].join('\n');
  ctx.edits.insert(def.node.endIndex, `\n${text}\n`, PASS);
  return true;
}

/** A probe at the top of every function body, for the control command `f FUNCTION OFFSET`. */
function insertProbes(ctx: PassContext): void {
  for (const f of ctx.unit.functions) {
    if (!f.inMainFile || f.hasParseError) continue;
    const body = f.node.childForFieldName('body');
    if (!body) continue;
    for (const line of probePrelude) ctx.prelude.add(line);
    // If code follows the brace on its line, end the probe with a newline:
    // the emitter then resyncs line and column, so gcc's columns stay right.
    const at = body.startIndex + 1;
    const restOfLine = ctx.unit.text.slice(at, ctx.unit.text.indexOf('\n', at) >>> 0);
    const newline = /\S/.test(restOfLine) ? '\n' : '';
    ctx.edits.insert(at, probeStatement(f.name) + newline, PASS, 10);
  }
}
