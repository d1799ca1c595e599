// Facts from conditions: inside `if (i < n)`, after `if (len < 14) return;`,
// right of `p && ...`, in the body of `while (i < n)`. A fact proves
//   upper(i, n)  from  i < n,  n > i,  or n >= K / n > K-1 with constant i < K;
//   lower(i)     from  i >= 0, i > K (K >= -1);
//   null(p)      from  p, p != NULL, or !p having exited.
// Nothing the fact names may be written between the test and the check.
import type Parser from 'tree-sitter';
import { constValue, parseBoundExpr } from '../../../../annotations/bound-expr.js';
import type { Resolver } from '../resolve.js';
import type { CheckSite } from '../sites.js';
import { sameExpr } from './loop-context.js';
import { live, type Optimization } from './optimization.js';

type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
interface Fact {
  l: string;
  op: Op;
  r: string;
  from: number; // offset where the fact starts to hold
}

const NEGATE: Record<Op, Op> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };
const FLIP: Record<Op, Op> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };
const NULLS = new Set(['NULL', '0', '((void*)0)', '((void *)0)', '(void*)0', '(void *)0']);

function strip(n: Parser.SyntaxNode): Parser.SyntaxNode {
  while (n.type === 'parenthesized_expression' && n.namedChild(0)) n = n.namedChild(0)!;
  return n;
}

/** Facts that hold when `cond` is true (positive) or false (negative). */
function factsOf(cond: Parser.SyntaxNode, positive: boolean, from: number, r: Resolver): Fact[] {
  const n = strip(cond);
  if (n.type === 'binary_expression') {
    const op = n.childForFieldName('operator')!.text;
    const l = n.childForFieldName('left')!;
    const rt = n.childForFieldName('right')!;
    if ((op === '&&' && positive) || (op === '||' && !positive)) return [...factsOf(l, positive, from, r), ...factsOf(rt, positive, from, r)];
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      const o = (positive ? op : NEGATE[op as Op]) as Op;
      return [{ l: r.text(l), op: o, r: r.text(rt), from }];
    }
    return [];
  }
  if (n.type === 'unary_expression' && n.childForFieldName('operator')?.text === '!') return factsOf(n.childForFieldName('argument')!, !positive, from, r);
  // A bare value: `p` means p != 0.
  if (n.type === 'identifier' || n.type === 'field_expression') return [{ l: r.text(n), op: positive ? '!=' : '==', r: '0', from }];
  return [];
}

function exits(stmt: Parser.SyntaxNode | null): boolean {
  if (!stmt) return false;
  if (['return_statement', 'goto_statement', 'break_statement', 'continue_statement'].includes(stmt.type)) return true;
  if (stmt.type === 'compound_statement') {
    const last = stmt.namedChildren.filter((c) => c.type !== 'comment').pop();
    return exits(last ?? null);
  }
  return false;
}

/** Every fact that holds where `n` is evaluated. */
function factsAt(n: Parser.SyntaxNode, r: Resolver): Fact[] {
  const out: Fact[] = [];
  for (let child = n, p = r.parentOf(n); p && p.type !== 'function_definition'; child = p, p = r.parentOf(p)) {
    if (p.type === 'if_statement') {
      const cond = p.childForFieldName('condition')!;
      if (p.childForFieldName('consequence')?.id === child.id) out.push(...factsOf(cond, true, p.startIndex, r));
      const alt = p.childForFieldName('alternative');
      if (alt && (alt.id === child.id || alt.namedChildren.some((c) => c.id === child.id))) out.push(...factsOf(cond, false, p.startIndex, r));
    }
    if ((p.type === 'while_statement' || p.type === 'for_statement') && p.childForFieldName('body')?.id === child.id) {
      const cond = p.childForFieldName('condition');
      if (cond) out.push(...factsOf(cond, true, p.startIndex, r));
    }
    if (p.type === 'binary_expression' && p.childForFieldName('right')?.id === child.id) {
      const op = p.childForFieldName('operator')?.text;
      if (op === '&&') out.push(...factsOf(p.childForFieldName('left')!, true, p.startIndex, r));
      if (op === '||') out.push(...factsOf(p.childForFieldName('left')!, false, p.startIndex, r));
    }
    if (p.type === 'conditional_expression') {
      const cond = p.childForFieldName('condition')!;
      if (p.childForFieldName('consequence')?.id === child.id) out.push(...factsOf(cond, true, p.startIndex, r));
      if (p.childForFieldName('alternative')?.id === child.id) out.push(...factsOf(cond, false, p.startIndex, r));
    }
    if (p.type === 'compound_statement') {
      // Earlier guards in this block: `if (C) return;` leaves !C behind it.
      for (const s of p.namedChildren) {
        if (s.startIndex >= child.startIndex) break;
        if (s.type === 'if_statement' && !s.childForFieldName('alternative') && exits(s.childForFieldName('consequence'))) {
          out.push(...factsOf(s.childForFieldName('condition')!, false, s.startIndex, r));
        }
      }
    }
  }
  return out;
}

function constOf(text: string, r: Resolver): bigint | undefined {
  try {
    return constValue(parseBoundExpr(text), r.constLookup);
  } catch {
    return undefined;
  }
}

/** Both orientations of each fact: `a op b` and `b flip(op) a`. */
function oriented(facts: Fact[]): Fact[] {
  return facts.flatMap((f) => [f, { l: f.r, op: FLIP[f.op], r: f.l, from: f.from }]);
}

/** `X + k`, `X - k` or `X` as (X, k); constants as ('', k). */
function linear(text: string, r: Resolver): { base: string; k: bigint } {
  const c = constOf(text, r);
  if (c !== undefined) return { base: '', k: c };
  const m = /^(.*?)\s*([+-])\s*(\w+)$/s.exec(text.trim());
  if (m && !/[<>=&|?:,]/.test(m[1])) {
    const k = constOf(m[3], r);
    if (k !== undefined) return { base: m[1].trim(), k: m[2] === '+' ? k : -k };
  }
  return { base: text.trim(), k: 0n };
}

/**
 * X + c1 < n (or <=) proves X + c2 < n for 0 <= c2 <= c1 (c2 < c1). Only for a
 * signed X: unsigned X + c1 may have wrapped around to pass the test.
 */
function linearUpper(f: Fact, index: string, count: string, r: Resolver): boolean {
  if (!sameExpr(f.r, count) || (f.op !== '<' && f.op !== '<=')) return false;
  const a = linear(f.l, r);
  const b = linear(index, r);
  if (a.base === '' || !sameExpr(a.base, b.base) || b.k < 0n || a.k < 0n) return false;
  return f.op === '<' ? b.k <= a.k : b.k < a.k;
}

function provesUpper(facts: Fact[], index: string, count: string, r: Resolver, signedIndex: boolean): boolean {
  const iv = constOf(index, r);
  return oriented(facts).some((f) => {
    if (f.op === '<' && sameExpr(f.l, index) && sameExpr(f.r, count)) return true;
    if (signedIndex && linearUpper(f, index, count, r)) return true;
    if (iv !== undefined && sameExpr(f.l, count)) {
      const k = constOf(f.r, r);
      if (k === undefined) return false;
      return (f.op === '>=' && k > iv) || (f.op === '>' && k >= iv) || (f.op === '==' && k > iv);
    }
    return false;
  });
}

function provesLower(facts: Fact[], index: string, r: Resolver): boolean {
  return oriented(facts).some((f) => {
    if (!sameExpr(f.l, index)) return false;
    const k = constOf(f.r, r);
    return k !== undefined && ((f.op === '>=' && k >= 0n) || (f.op === '>' && k >= -1n) || (f.op === '==' && k >= 0n));
  });
}

function provesNonNull(facts: Fact[], ptr: string): boolean {
  return oriented(facts).some((f) => f.op === '!=' && sameExpr(f.l, ptr) && NULLS.has(f.r.replace(/\s+/g, '')));
}

function namesOf(text: string): string[] {
  return [...text.matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]).filter((x) => x !== 'sizeof');
}

/** Facts still true at the site: nothing they name is written (or, for fields, no call) in between. */
function stillTrue(facts: Fact[], site: CheckSite, r: Resolver): Fact[] {
  return facts.filter((f) => {
    const names = [...namesOf(f.l), ...namesOf(f.r)];
    const to = site.node.startIndex;
    if (names.some((nm) => r.writes.writtenIn(nm, f.from, to) || r.writes.writtenIn(nm, f.from, to, true))) return false;
    if (/->|\.|\[/.test(f.l + f.r) && r.writes.callIn(f.from, to)) return false;
    return true;
  });
}

export const conditionFacts: Optimization = {
  name: 'condition-facts',
  description: 'remove checks proved by enclosing conditions and earlier guards (if (i < n), if (len < 14) return, p && p->x)',
  run({ sites, resolver }) {
    for (const s of live(sites)) {
      const c = s.check;
      if (c.kind !== 'lower' && c.kind !== 'upper' && c.kind !== 'null') continue;
      const facts = stillTrue(factsAt(s.node, resolver), s, resolver);
      if (facts.length === 0) continue;
      if (c.kind === 'upper' && provesUpper(facts, c.index, c.count, resolver, s.index?.unsigned === false)) s.removedBy = this.name;
      if (c.kind === 'lower' && provesLower(facts, c.index, resolver)) s.removedBy = this.name;
      if (c.kind === 'null' && provesNonNull(facts, c.ptr)) s.removedBy = this.name;
    }
  },
};
