// for (i = A; i < B; i++) { ... p[i] ... } with p's count n not provable:
// one loop-range check before the loop (A >= B or (0 <= A and B <= n))
// replaces the per-iteration lower/upper checks. Only when the access runs on
// every iteration (not under a branch in the body), the body cannot leave the
// loop early, and nothing the check reads changes in the loop.
import type Parser from 'tree-sitter';
import type { CheckSite } from '../sites.js';
import type { Resolver } from '../resolve.js';
import { enclosingLoops } from './loop-context.js';
import { live, type Optimization } from './optimization.js';

/** Does `n` run on every iteration of the loop whose body is `body`? (Conditions of branches do; branches do not.) */
function unconditionalIn(body: Parser.SyntaxNode, n: Parser.SyntaxNode, r: Resolver): boolean {
  for (let child = n, p = r.parentOf(n); p && child.id !== body.id; child = p, p = r.parentOf(p)) {
    const isCondition = p.childForFieldName('condition')?.id === child.id;
    if (['if_statement', 'switch_statement', 'conditional_expression'].includes(p.type) && !isCondition) return false;
    if (['while_statement', 'for_statement', 'do_statement', 'case_statement'].includes(p.type)) return false;
    if (p.type === 'binary_expression' && ['&&', '||'].includes(p.childForFieldName('operator')?.text ?? '') && p.childForFieldName('right')?.id === child.id) return false;
  }
  return true;
}

/**
 * A hoisted check evaluates lo, hi and the count before the loop, outside the
 * null checks the loop itself carries: every `X->` in them must be on a
 * pointer known non-null (NONNULL, an array) at the loop.
 */
function derefsSafe(texts: string[], at: Parser.SyntaxNode, resolver: Resolver): boolean {
  for (const t of texts) {
    const plain = t.replace(/\bsizeof\s*\([^)]*\)/g, '0');
    // A unary `*` (at the start or after an operator) or a subscript dereferences.
    if (/(^|[(,=+\-*\/<>!&|?:])\s*\*/.test(plain) || plain.includes('[')) return false;
    for (const m of t.matchAll(/([A-Za-z_]\w*)\s*->/g)) {
      const id = m[1];
      const facts = resolver.factsOfName(id, at.startIndex);
      if (!facts || facts.nullable) return false;
    }
    if (/\)\s*->/.test(t)) return false;
  }
  return true;
}

/** Every variable a hoisted check mentions must exist before the loop (not be declared in it). */
function declaredInLoop(loop: Parser.SyntaxNode, texts: string[], r: Resolver): boolean {
  for (const t of texts) {
    for (const m of t.matchAll(/[A-Za-z_]\w*/g)) {
      const v = r.vars.lookup(m[0], loop.startIndex);
      const inside = r.vars.all().some((x) => x.name === m[0] && x.scopeStart >= loop.startIndex && x.scopeStart < loop.endIndex);
      if (inside && (!v || v.scopeStart >= loop.startIndex)) return true;
    }
  }
  return declaredInInitializer(loop, texts);
}

function declaredInInitializer(loop: Parser.SyntaxNode, texts: string[]): boolean {
  const init = loop.childForFieldName('initializer');
  if (!init || init.type !== 'declaration') return false;
  const declared = new Set<string>();
  const visit = (n: Parser.SyntaxNode): void => {
    if (n.type === 'identifier' && n.parent && /declarator/.test(n.parent.type) && n.parent.childForFieldName('declarator')?.id === n.id) declared.add(n.text);
    n.namedChildren.forEach(visit);
  };
  visit(init);
  return texts.some((t) => [...t.matchAll(/[A-Za-z_]\w*/g)].some((m) => declared.has(m[0])));
}

function leavesEarly(body: Parser.SyntaxNode): boolean {
  return /\b(break|goto|return|longjmp|exit|abort)\b/.test(body.text);
}

export const hoist: Optimization = {
  name: 'hoist',
  description: 'replace per-iteration bound checks on a loop index by one check before the loop',
  run({ sites, resolver, added }) {
    const byLoop = new Map<string, CheckSite>();
    for (const s of live(sites)) {
      if (s.check.kind === 'null') {
        hoistNull(s, resolver, added, byLoop);
        continue;
      }
      if (s.check.kind !== 'upper' && s.check.kind !== 'lower') continue;
      const idx = s.index?.node;
      if (!idx || idx.type !== 'identifier') continue;
      const loop = enclosingLoops(s.node, resolver)[0];
      if (!loop || loop.index !== idx.text) continue;
      const { body } = loop;
      if (!unconditionalIn(body, s.node, resolver) || leavesEarly(body)) continue;
      if (resolver.writes.writtenIn(loop.index, body.startIndex, body.endIndex)) continue;
      const count = s.check.kind === 'upper' ? s.check.count : undefined;
      const names = [...(s.count?.names ?? []), ...[...loop.hi.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]), ...[...loop.lo.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0])];
      if (names.some((n) => resolver.writes.writtenIn(n, loop.loop.startIndex, loop.loop.endIndex) || resolver.writes.writtenIn(n, loop.loop.startIndex, loop.loop.endIndex, true))) continue;
      if (count && /->|\.|\[/.test(count) && resolver.writes.callIn(loop.loop.startIndex, loop.loop.endIndex)) continue;
      if (!derefsSafe([loop.lo, loop.hi, count ?? ''], loop.loop, resolver)) continue;
      if (declaredInLoop(loop.loop, [loop.lo, loop.hi, count ?? ''], resolver)) continue;
      if (resolver.parentOf(loop.loop)?.type !== 'compound_statement') continue;
      s.removedBy = this.name;
      const bound = s.check.kind === 'upper' ? s.check.count : '0x7fffffffffffffffLL';
      const key = `${loop.loop.id}:${bound}`;
      if (byLoop.has(key)) continue;
      const site: CheckSite = {
        check: { kind: 'loop-range', lo: loop.lo, hi: loop.hi, count: bound },
        form: 'statement',
        operand: { start: loop.loop.startIndex, end: loop.loop.startIndex },
        offset: s.offset, // reported at the access it stands for
        node: loop.loop,
      };
      byLoop.set(key, site);
      added.push(site);
    }
  },
};

/** A null check on a pointer the loop never changes, made on every iteration: once before the loop. */
function hoistNull(s: CheckSite, resolver: Resolver, added: CheckSite[], byLoop: Map<string, CheckSite>): void {
  if (s.check.kind !== 'null') return;
  const ptr = s.check.ptr;
  const loop = enclosingLoops(s.node, resolver)[0];
  if (!loop || resolver.parentOf(loop.loop)?.type !== 'compound_statement') return;
  const { body } = loop;
  if (!unconditionalIn(body, s.node, resolver) || leavesEarly(body)) return;
  const names = [...ptr.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]);
  const { startIndex: from, endIndex: to } = loop.loop;
  if (names.some((n) => resolver.writes.writtenIn(n, from, to) || resolver.writes.writtenIn(n, from, to, true))) return;
  if (/->|\.|\[/.test(ptr) && resolver.writes.callIn(from, to)) return;
  if ([loop.lo, loop.hi].some((t) => /\(/.test(t)) || !derefsSafe([loop.lo, loop.hi], loop.loop, resolver)) return;
  if (declaredInLoop(loop.loop, [loop.lo, loop.hi, ptr], resolver)) return;
  s.removedBy = hoist.name;
  const key = `${loop.loop.id}:null:${ptr}`;
  if (byLoop.has(key)) return;
  const site: CheckSite = {
    check: { kind: 'loop-null', ptr, lo: loop.lo, hi: loop.hi },
    form: 'statement',
    operand: { start: loop.loop.startIndex, end: loop.loop.startIndex },
    offset: s.offset,
    node: loop.loop,
  };
  byLoop.set(key, site);
  added.push(site);
}
