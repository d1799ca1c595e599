// Cause `ops-table`: a function's address in a struct initialiser, e.g.
//   static const struct net_device_ops e1000_netdev_ops = { .ndo_open = e1000_open, ... };
// Any struct of function pointers counts, not only a list of known ones.
import type Parser from 'tree-sitter';
import type { Detector, EntryReason } from '../entry-points.js';
import { declaredName, functionNameOf, walk } from '../syntax.js';

export const opsTableDetector: Detector = {
  cause: 'ops-table',
  find(ctx) {
    const found: { name: string; reason: EntryReason }[] = [];
    walk(ctx.unit.tree.rootNode, (n) => {
      if (n.type !== 'initializer_list') return;
      for (const item of n.namedChildren) {
        const isPair = item.type === 'initializer_pair';
        const value = isPair ? item.childForFieldName('value') : item;
        const name = functionNameOf(value);
        if (!name || !ctx.functionNames.has(name)) continue;
        const field = isPair ? designatorText(item) : `[${n.namedChildren.indexOf(item)}]`;
        found.push({ name, reason: { cause: 'ops-table', detail: `${tableName(n)}${field}`, offset: item.startIndex } });
      }
    });
    return found;
  },
};

function designatorText(pair: Parser.SyntaxNode): string {
  return pair.childrenForFieldName('designator').map((d) => d.text.replace(/\s+/g, '')).join('');
}

/** `struct net_device_ops e1000_netdev_ops` for the declaration the list initialises. */
function tableName(list: Parser.SyntaxNode): string {
  let n: Parser.SyntaxNode | null = list;
  const path: string[] = [];
  while (n && n.parent?.type === 'initializer_pair') {
    path.unshift(designatorText(n.parent));
    n = n.parent.parent; // the enclosing initializer_list
  }
  const init = n?.parent;
  if (init?.type !== 'init_declarator') return path.join('');
  const variable = declaredName(init.childForFieldName('declarator'))?.text ?? '?';
  const type = init.parent?.childForFieldName('type')?.text.replace(/\s+/g, ' ') ?? '';
  return `${type} ${variable}${path.join('')}`.trim();
}
