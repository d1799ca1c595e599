// Cause `address-stored`: a function's address assigned to a field or a
// variable, e.g. what INIT_WORK(&w, fn) expands to: `(&w)->func = (fn);`, or
// `static irq_handler_t handler = e1000_intr;`. Whoever reads it back can call it.
import type { Detector, EntryReason } from '../entry-points.js';
import { declaredName, functionNameOf, walk } from '../syntax.js';

export const addressStoredDetector: Detector = {
  cause: 'address-stored',
  find(ctx) {
    const found: { name: string; reason: EntryReason }[] = [];
    walk(ctx.unit.tree.rootNode, (n) => {
      if (n.type === 'assignment_expression') {
        const name = functionNameOf(n.childForFieldName('right'));
        if (!name || !ctx.functionNames.has(name)) return;
        const target = n.childForFieldName('left')?.text.replace(/\s+/g, '') ?? '?';
        found.push({ name, reason: { cause: 'address-stored', detail: `stored in ${target}`, offset: n.startIndex } });
      } else if (n.type === 'init_declarator') {
        const name = functionNameOf(n.childForFieldName('value'));
        if (!name || !ctx.functionNames.has(name)) return;
        const variable = declaredName(n.childForFieldName('declarator'))?.text ?? '?';
        if (isModuleHook(variable)) return; // reported by the module-init detector
        found.push({ name, reason: { cause: 'address-stored', detail: `stored in ${variable}`, offset: n.startIndex } });
      }
    });
    return found;
  },
};

/** Variables that module_init/module_exit expand to (see module-init.ts). */
export function isModuleHook(variable: string): boolean {
  return /initcall|exitcall|init_module|cleanup_module|module_init|module_exit/.test(variable);
}
