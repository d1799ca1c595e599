// The same check already made earlier on every path to this one (an earlier
// statement of the same or an enclosing block), with nothing it reads written
// in between (and no call in between if it reads fields or globals).
import type Parser from 'tree-sitter';
import { checkKey } from '../checks.js';
import type { Resolver } from '../resolve.js';
import type { CheckSite } from '../sites.js';
import { live, type Optimization } from './optimization.js';

/** The statement of `block` that contains `n`. */
function statementIn(block: Parser.SyntaxNode, n: Parser.SyntaxNode, r: Resolver): Parser.SyntaxNode | undefined {
  for (let p: Parser.SyntaxNode | null = n; p; p = r.parentOf(p)) if (r.parentOf(p)?.id === block.id) return p;
  return undefined;
}

/** Is `n` evaluated on every evaluation of `top` (not in a ?: branch or the right of && / ||)? */
function unconditionalWithin(n: Parser.SyntaxNode, top: Parser.SyntaxNode, r: Resolver): boolean {
  for (let child = n, p = r.parentOf(n); p && child.id !== top.id; child = p, p = r.parentOf(p)) {
    if (p.type === 'conditional_expression' && p.childForFieldName('condition')?.id !== child.id) return false;
    if (p.type === 'binary_expression' && ['&&', '||'].includes(p.childForFieldName('operator')?.text ?? '') && p.childForFieldName('right')?.id === child.id) return false;
  }
  return true;
}

/**
 * Within one expression, `earlier` is sequenced before `later` when it is in
 * the condition of a ?: whose branch holds `later`, or on the left of && / ||
 * / , with `later` on the right.
 */
function sequencedBefore(earlier: Parser.SyntaxNode, later: Parser.SyntaxNode, r: Resolver): boolean {
  for (let p = r.parentOf(later); p; p = r.parentOf(p)) {
    if (!(p.startIndex <= earlier.startIndex && earlier.endIndex <= p.endIndex)) continue;
    const first =
      p.type === 'conditional_expression'
        ? p.childForFieldName('condition')
        : p.type === 'binary_expression' && ['&&', '||'].includes(p.childForFieldName('operator')?.text ?? '')
          ? p.childForFieldName('left')
          : p.type === 'comma_expression'
            ? p.childForFieldName('left')
            : null;
    if (!first) return false;
    const inFirst = first.startIndex <= earlier.startIndex && earlier.endIndex <= first.endIndex;
    const laterInFirst = first.startIndex <= later.startIndex && later.endIndex <= first.endIndex;
    return inFirst && !laterInFirst && unconditionalWithin(earlier, first, r);
  }
  return false;
}

/** Does `earlier` run before `later` on every path (straight-line statements of a common block)? */
function dominates(earlier: CheckSite, later: CheckSite, r: Resolver): boolean {
  const before = sequencedBefore(earlier.node, later.node, r);
  if (before) return true;
  if (earlier.node.endIndex > later.node.startIndex) return false;
  for (let b = r.parentOf(earlier.node); b && b.type !== 'function_definition'; b = r.parentOf(b)) {
    if (b.type !== 'compound_statement') continue;
    const s1 = statementIn(b, earlier.node, r);
    const s2 = statementIn(b, later.node, r);
    if (!s1 || !s2) continue;
    if (s1.id === s2.id) return false;
    // s1 must reach its end: a plain statement, or an if whose condition holds the check.
    if (s1.type === 'if_statement') {
      const cond = s1.childForFieldName('condition')!;
      return cond.startIndex <= earlier.node.startIndex && earlier.node.endIndex <= cond.endIndex && unconditionalWithin(earlier.node, cond, r);
    }
    if (!['expression_statement', 'declaration'].includes(s1.type)) return false;
    return unconditionalWithin(earlier.node, s1, r);
  }
  return false;
}

export const dominatingCheck: Optimization = {
  name: 'dominating',
  description: 'remove a check identical to one that dominates it',
  run({ sites, resolver }) {
    const byKey = new Map<string, CheckSite[]>();
    for (const s of live(sites)) {
      const key = checkKey(s.check);
      byKey.set(key, [...(byKey.get(key) ?? []), s]);
    }
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      const text = JSON.stringify(group[0].check);
      const names = new Set([...text.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]));
      const readsMemory = /->|\.|\[/.test(text);
      for (const s of group) {
        for (const e of group) {
          if (e === s || e.removedBy || e.node.startIndex > s.node.endIndex || !dominates(e, s, resolver)) continue;
          const from = e.operand.end; // a call around the earlier check runs after it
          const to = s.node.startIndex;
          if ([...names].some((n) => resolver.writes.writtenIn(n, from, to) || resolver.writes.writtenIn(n, from, to, true))) continue;
          if (readsMemory && resolver.writes.callIn(from, to)) continue;
          s.removedBy = this.name;
          break;
        }
      }
    }
  },
};
