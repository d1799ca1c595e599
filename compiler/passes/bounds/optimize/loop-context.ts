// Recognise `for (i = A; i < B; i++)` (and `<=`, `++i`, `i += 1`) around a site.
import type Parser from 'tree-sitter';
import { constValue, parseBoundExpr } from '../../../../annotations/bound-expr.js';
import type { Resolver } from '../resolve.js';
import { identifierOf } from '../writes.js';

export interface CountedLoop {
  loop: Parser.SyntaxNode;
  body: Parser.SyntaxNode;
  index: string;
  lo: string; // first value
  loValue?: bigint;
  hi: string; // exclusive limit
  hiValue?: bigint;
}

function constOf(text: string, r: Resolver): bigint | undefined {
  try {
    return constValue(parseBoundExpr(text), r.constLookup);
  } catch {
    return undefined;
  }
}

export function countedLoop(loop: Parser.SyntaxNode, r: Resolver): CountedLoop | undefined {
  if (loop.type !== 'for_statement') return undefined;
  const init = loop.childForFieldName('initializer');
  const cond = loop.childForFieldName('condition');
  const update = loop.childForFieldName('update');
  const body = loop.childForFieldName('body');
  if (!init || !cond || !update || !body) return undefined;
  let index: string | undefined;
  let lo: Parser.SyntaxNode | undefined;
  if (init.type === 'declaration') {
    const d = init.childForFieldName('declarator');
    if (d?.type === 'init_declarator' && d.childForFieldName('declarator')?.type === 'identifier') {
      index = d.childForFieldName('declarator')!.text;
      lo = d.childForFieldName('value') ?? undefined;
    }
  } else if (init.type === 'assignment_expression' && init.childForFieldName('operator')?.text === '=') {
    index = identifierOf(init.childForFieldName('left'))?.text;
    lo = init.childForFieldName('right') ?? undefined;
  }
  if (!index || !lo) return undefined;
  if (cond.type !== 'binary_expression' || identifierOf(cond.childForFieldName('left'))?.text !== index) return undefined;
  const cop = cond.childForFieldName('operator')?.text;
  const limit = cond.childForFieldName('right')!;
  if (cop !== '<' && cop !== '<=') return undefined;
  const upText = update.text.replace(/\s+/g, '');
  if (![`${index}++`, `++${index}`, `${index}+=1`, `${index}=${index}+1`].includes(upText)) return undefined;
  const limitText = r.text(limit);
  const hi = cop === '<' ? limitText : `(${limitText}) + 1`;
  const loText = r.text(lo);
  return { loop, body, index, lo: loText, loValue: constOf(loText, r), hi, hiValue: constOf(hi, r) };
}

/** The loops enclosing `n`, innermost first. */
export function enclosingLoops(n: Parser.SyntaxNode, r: Resolver): CountedLoop[] {
  const out: CountedLoop[] = [];
  for (let p = r.parentOf(n); p && p.type !== 'function_definition'; p = r.parentOf(p)) {
    const l = countedLoop(p, r);
    if (l && l.body.startIndex <= n.startIndex && n.endIndex <= l.body.endIndex) out.push(l);
  }
  return out;
}

/** Texts equal up to whitespace and redundant outer parentheses. */
export function sameExpr(a: string, b: string): boolean {
  const norm = (s: string): string => {
    let t = s.replace(/\s+/g, '');
    while (/^\(.*\)$/.test(t) && balanced(t.slice(1, -1))) t = t.slice(1, -1);
    return t;
  };
  return norm(a) === norm(b);
}

function balanced(s: string): boolean {
  let d = 0;
  for (const c of s) {
    if (c === '(') d++;
    if (c === ')' && --d < 0) return false;
  }
  return d === 0;
}
