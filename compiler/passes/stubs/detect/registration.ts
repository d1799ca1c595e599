// Cause `registration`: a function's address passed to a call into code
// outside the driver, e.g. request_irq(irq, e1000_intr, ...), timer_setup(t,
// e1000_watchdog, 0), netif_napi_add(dev, napi, e1000_clean). Calls to
// functions the driver defines itself are internal and do not count.
import type { Detector, EntryReason } from '../entry-points.js';
import { functionNameOf, walk } from '../syntax.js';

export const registrationDetector: Detector = {
  cause: 'registration',
  find(ctx) {
    const found: { name: string; reason: EntryReason }[] = [];
    walk(ctx.unit.tree.rootNode, (n) => {
      if (n.type !== 'call_expression') return;
      const callee = functionNameOf(n.childForFieldName('function'));
      if (callee === undefined) return;
      const calleeDefinition = ctx.definitions.get(callee);
      if (calleeDefinition?.inMainFile) return;
      const args = n.childForFieldName('arguments')?.namedChildren ?? [];
      args.forEach((arg, i) => {
        const name = functionNameOf(arg);
        if (!name || !ctx.functionNames.has(name)) return;
        found.push({
          name,
          reason: { cause: 'registration', detail: `${callee}() argument ${i + 1}`, offset: arg.startIndex },
        });
      });
    });
    return found;
  },
};
