// Local pointers whose address is taken (`int **pp = &p;`). Why: such a pointer
// used to get no bounds at all, so `*pp += 10; p[0]` went unchecked.
//
// The rule (ANNOTATIONS.md, "Address-taken locals"): when every `&p` is stored
// into local aliases `pp` that are only ever dereferenced (`*pp`, `pp[0]`), the
// stores through an alias are stores to p: `*pp = v` gives p v's bounds, and
// `*pp += k`, `(*pp)++` move p inside its object (its later accesses are checked
// against the same bounds). When the address goes anywhere else (a call such as
// strtol(s, &end, 10), a struct field, a cast, an alias that is itself passed
// on), p keeps no bounds and is only null-checked, as before.
import type Parser from 'tree-sitter';
import type { Resolver, ResolverWrite } from './resolve.js';
import type { VarInfo } from './variables.js';

/** A store to p through an alias: `*pp = v` (op '='), `*pp += k`, `(*pp)++`. */
export interface AliasStore {
  node: Parser.SyntaxNode; // the assignment or update expression
  op: string;
  value?: Parser.SyntaxNode; // for '='
}

function outerOf(r: Resolver, n: Parser.SyntaxNode): Parser.SyntaxNode | null {
  let p = r.parentOf(n);
  while (p && p.type === 'parenthesized_expression' && !r.isTrustedGroup(p)) p = r.parentOf(p);
  return p;
}

function unwrap(n: Parser.SyntaxNode | null): Parser.SyntaxNode | null {
  while (n && n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0);
  return n;
}

/** `&p` itself, through parentheses. */
function isAddressOf(n: Parser.SyntaxNode | null | undefined, name: string): boolean {
  const x = unwrap(n ?? null);
  return !!x && x.type === 'pointer_expression' && x.childForFieldName('operator')?.text === '&' && unwrap(x.childForFieldName('argument'))?.text === name;
}

/** The local alias `pp` that `&p` (at `addr`) is stored into, or undefined if the address goes elsewhere. */
function aliasOf(r: Resolver, addr: Parser.SyntaxNode, p: VarInfo): VarInfo | undefined {
  const parent = outerOf(r, addr);
  let name: Parser.SyntaxNode | undefined;
  if (parent?.type === 'init_declarator' && unwrap(parent.childForFieldName('value'))?.id === unwrap(addr)?.id) {
    let d: Parser.SyntaxNode | null = parent.childForFieldName('declarator');
    while (d && d.type !== 'identifier') d = d.childForFieldName('declarator');
    name = d ?? undefined;
  } else if (parent?.type === 'assignment_expression' && parent.childForFieldName('operator')?.text === '=') {
    const left = unwrap(parent.childForFieldName('left'));
    if (left?.type === 'identifier') name = left;
  }
  if (!name) return undefined;
  const alias = r.vars.lookup(name.text, name.startIndex);
  return alias && alias.kind === 'local' && alias !== p && alias.info.pointerDepth >= 1 ? alias : undefined;
}

/** How `*pp` is used: a store or move of p, a read, or an escape (`&*pp`). */
function useOfTarget(r: Resolver, target: Parser.SyntaxNode): AliasStore | 'read' | 'escape' {
  const parent = outerOf(r, target);
  if (!parent) return 'read';
  if (parent.type === 'assignment_expression' && unwrap(parent.childForFieldName('left'))?.id === target.id) {
    const op = parent.childForFieldName('operator')?.text ?? '=';
    if (op === '=') return { node: parent, op, value: parent.childForFieldName('right') ?? undefined };
    return op === '+=' || op === '-=' ? { node: parent, op } : 'escape';
  }
  if (parent.type === 'update_expression') return { node: parent, op: parent.childForFieldName('operator')?.text ?? '++' };
  if (parent.type === 'pointer_expression' && parent.childForFieldName('operator')?.text === '&') return 'escape';
  return 'read';
}

/**
 * The stores to `p` made through its local aliases, or undefined when its
 * address escapes (then p gets no hidden bounds). `ws` are p's own writes.
 */
export function aliasStores(r: Resolver, p: VarInfo, ws: readonly ResolverWrite[]): AliasStore[] | undefined {
  const aliases = new Set<VarInfo>();
  for (const w of ws) {
    if (w.op !== '&') continue;
    const alias = aliasOf(r, w.node, p);
    if (!alias) return undefined;
    aliases.add(alias);
  }
  const stores: AliasStore[] = [];
  for (const alias of aliases) {
    // The alias holds &p and nothing else, for as long as it lives.
    for (const w of r.writes.of(alias.name)) {
      if (w.node.startIndex < alias.scopeStart || w.node.startIndex > alias.scopeEnd) continue;
      if (w.op === 'init' && (!w.value || isAddressOf(w.value, p.name))) continue;
      if (w.op === '=' && isAddressOf(w.value, p.name)) continue;
      return undefined;
    }
    for (const id of r.vars.fn.descendantsOfType('identifier')) {
      if (id.text !== alias.name || r.vars.lookup(id.text, id.startIndex) !== alias) continue;
      if (id.startIndex >= alias.info.node.startIndex && id.endIndex <= alias.info.node.endIndex) continue; // its declarator
      const parent = outerOf(r, id);
      if (parent?.type === 'assignment_expression' && unwrap(parent.childForFieldName('left'))?.id === id.id) continue; // pp = &p
      let target: Parser.SyntaxNode | undefined;
      if (parent?.type === 'pointer_expression' && parent.childForFieldName('operator')?.text === '*') target = parent;
      else if (parent?.type === 'subscript_expression' && unwrap(parent.childForFieldName('argument'))?.id === id.id && parent.childForFieldName('index')?.text.trim() === '0') target = parent;
      if (!target) return undefined; // pp passed on, compared, copied: p may change anywhere
      const use = useOfTarget(r, target);
      if (use === 'escape') return undefined;
      if (use !== 'read') stores.push(use);
    }
  }
  return stores;
}

/**
 * `*pp` (or `pp[0]`) where the local pp only ever holds `&p`, used where p is
 * visible: the `p` of that `&p`, so `(*pp)[i]` is checked as `p[i]` is (with p's
 * name in the check, whose stores through the alias the optimizer knows).
 */
export function aliasTarget(r: Resolver, n: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  const isDeref = n.type === 'pointer_expression' && n.childForFieldName('operator')?.text === '*';
  const isZero = n.type === 'subscript_expression' && n.childForFieldName('index')?.text.trim() === '0';
  const id = isDeref || isZero ? unwrap(n.childForFieldName('argument')) : null;
  if (!id || id.type !== 'identifier') return undefined;
  const alias = r.vars.lookup(id.text, id.startIndex);
  if (!alias || alias.kind !== 'local') return undefined;
  let target: Parser.SyntaxNode | undefined;
  for (const w of r.writes.of(alias.name)) {
    if (w.node.startIndex < alias.scopeStart || w.node.startIndex > alias.scopeEnd) continue;
    const x = w.op === 'init' || w.op === '=' ? unwrap(w.value ?? null) : null;
    const p = x && x.type === 'pointer_expression' && x.childForFieldName('operator')?.text === '&' ? unwrap(x.childForFieldName('argument')) : null;
    if (!p || p.type !== 'identifier' || (target && target.text !== p.text)) return undefined;
    target = p;
  }
  if (!target) return undefined;
  const v = r.vars.lookup(target.text, target.startIndex);
  return v && v.kind === 'local' && r.vars.lookup(target.text, n.startIndex) === v ? target : undefined;
}
