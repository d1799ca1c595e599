/**
 * dropcheck: a NULL or error check is removed (its condition is still evaluated, then ignored).
 *
 *   before: if (!skb) return -ENOMEM;        if (err) goto err_setup;
 *   after:  if (((void)(!skb), 0)) return -ENOMEM;   if (((void)(err), 0)) goto err_setup;
 *
 * Sites: `if` conditions that test a pointer or an error code: `!p`, `p == NULL`,
 * `p != NULL`, `ret < 0`, `IS_ERR(p)`, `err`/`ret`/`rc`, possibly inside likely()/unlikely().
 */
import type Parser from 'tree-sitter';
import type { FaultOperator, SiteCandidate } from '../site.js';
import { callArguments, calleeName, nodesOfType, unparenthesize } from '../syntax.js';
import { replaceNode } from './common.js';

type Node = Parser.SyntaxNode;

const ERROR_NAMES = /^(err|error|ret|retval|rc|status|result|res)$/;
const NULLISH = /^\(?\s*\(?\s*(void\s*\*\s*\)\s*)?0\s*\)?$|^NULL$/;

function stripLikely(n: Node): Node {
  let cur = unparenthesize(n);
  while (cur.type === 'call_expression') {
    const name = calleeName(cur);
    const args = callArguments(cur);
    if (!(name && /^(likely|unlikely|__builtin_expect)$/.test(name)) || args.length === 0) break;
    cur = unparenthesize(args[0]);
  }
  return cur;
}

function isNullish(n: Node): boolean {
  const t = n.text.replace(/\s+/g, ' ').trim();
  return n.type === 'null' || NULLISH.test(t) || t === '((void *)0)' || t === '0';
}

/** Does this condition test for NULL or an error? */
export function isCheck(condition: Node): boolean {
  const c = stripLikely(condition);
  if (c.type === 'unary_expression' && c.childForFieldName('operator')?.type === '!') return true;
  if (c.type === 'identifier') return ERROR_NAMES.test(c.text);
  if (c.type === 'call_expression') return /^IS_ERR(_OR_NULL)?$/.test(calleeName(c) ?? '');
  if (c.type === 'binary_expression') {
    const op = c.childForFieldName('operator')?.type;
    const left = c.childForFieldName('left');
    const right = c.childForFieldName('right');
    if (!left || !right) return false;
    if (op === '==' || op === '!=') return isNullish(left) || isNullish(right);
    if (op === '<' || op === '<=') return isNullish(right) && left.type === 'identifier';
    if (op === '||' || op === '&&') return isCheck(left) || isCheck(right);
  }
  return false;
}

export const dropcheck: FaultOperator = {
  name: 'dropcheck',
  description: 'a NULL or error check is removed (the if condition becomes false)',
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const stmt of nodesOfType(fn.node, 'if_statement')) {
      const raw = stmt.childForFieldName('condition');
      if (!raw) continue;
      const cond = unparenthesize(raw);
      if (isCheck(cond)) sites.push(replaceNode(cond, text, 'cond', (orig) => `((void)(${orig}), 0)`));
    }
    return sites;
  },
};
