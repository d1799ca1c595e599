// Causes `module-init` / `module-exit`: the functions module_init(fn) and
// module_exit(fn) name. The front end sees preprocessed code, so this matches
// what the macros expand to, in the kernel and in the user-space shim:
//   int init_module(void) __attribute__((alias("fn")));         (kernel, modules)
//   static initcall_t __initcall_fn6 = fn;                      (kernel, built in)
//   static inline initcall_t __inittest(void) { return fn; }    (kernel type check)
//   static ... __fgft_module_init = fn; / { .init = fn, .exit = gn }  (shim: any
//   variable whose name says initcall/module_init/module_exit/...)
import type Parser from 'tree-sitter';
import type { Detector, EntryCause, EntryReason } from '../entry-points.js';
import { declaredName, functionNameOf, namedFunctionDeclarator, walk } from '../syntax.js';
import { isModuleHook } from './address-stored.js';

type Found = { name: string; reason: EntryReason };

/** init or exit, from the name of the variable, function or field the macro produced. */
function causeOf(hookName: string): EntryCause {
  return /exit|cleanup/.test(hookName) ? 'module-exit' : 'module-init';
}

export const moduleInitDetector: Detector = {
  cause: 'module-init',
  find(ctx) {
    const found: Found[] = [];
    const add = (name: string | undefined, hook: string, offset: number, how: string): void => {
      if (!name || !ctx.functionNames.has(name)) return;
      found.push({ name, reason: { cause: causeOf(hook), detail: how, offset } });
    };
    for (const node of ctx.unit.tree.rootNode.namedChildren) {
      if (node.type === 'declaration') fromDeclaration(node, add, ctx.unit.attributes);
      else if (node.type === 'function_definition') fromTypeCheckFunction(node, add);
    }
    return found;
  },
};

type Add = (name: string | undefined, hook: string, offset: number, how: string) => void;

function fromDeclaration(node: Parser.SyntaxNode, add: Add, attributes: readonly { name: string; args: string; start: number }[]): void {
  for (const d of node.childrenForFieldName('declarator')) {
    if (d.type === 'init_declarator') {
      const variable = declaredName(d.childForFieldName('declarator'))?.text ?? '';
      if (!isModuleHook(variable)) continue;
      const value = d.childForFieldName('value');
      if (value?.type === 'initializer_list') {
        // A struct of hooks: { .init = fn, .exit = gn }
        walk(value, (item) => {
          if (item.type !== 'initializer_pair') return;
          const field = item.childrenForFieldName('designator').map((x) => x.text).join('');
          add(functionNameOf(item.childForFieldName('value')), field, item.startIndex, `${variable}${field}`);
        });
      } else {
        add(functionNameOf(value), variable, d.startIndex, variable);
      }
      continue;
    }
    // int init_module(void) __attribute__((alias("fn")));
    const fn = namedFunctionDeclarator(d);
    if (!fn || !isModuleHook(fn.name.text)) continue;
    for (const a of attributes) {
      if (a.name !== 'alias' || a.start < d.startIndex || a.start > node.endIndex) continue;
      const target = /^\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*$/.exec(a.args)?.[1];
      if (target) add(target, fn.name.text, a.start, `${fn.name.text} alias`);
    }
  }
}

/** `static inline initcall_t __inittest(void) { return fn; }` */
function fromTypeCheckFunction(node: Parser.SyntaxNode, add: Add): void {
  const fn = namedFunctionDeclarator(node.childForFieldName('declarator'));
  if (!fn || !/^__(init|exit)test$/.test(fn.name.text)) return;
  walk(node, (n) => {
    if (n.type === 'return_statement') add(functionNameOf(n.namedChild(0)), fn.name.text, n.startIndex, fn.name.text);
  });
}
