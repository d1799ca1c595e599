// Building block for operators that skip a call statement (lockleak, irqleak,
// memleak, dropcall): the arguments are still evaluated, the call is not made.
import type Parser from 'tree-sitter';
import type { SiteCandidate } from '../site.js';
import { evaluateOnly } from '../mutations.js';
import { callArguments, calleeName, isExpressionStatementCall, nodesOfType } from '../syntax.js';

export function skippedCallSites(fn: Parser.SyntaxNode, text: string, matches: (name: string) => boolean): SiteCandidate[] {
  const sites: SiteCandidate[] = [];
  for (const call of nodesOfType(fn, 'call_expression')) {
    const name = calleeName(call);
    if (!name || !matches(name) || !isExpressionStatementCall(call)) continue;
    const args = callArguments(call).map((a) => text.slice(a.startIndex, a.endIndex));
    const start = call.startIndex;
    const end = call.endIndex;
    sites.push({ start, end, kind: 'void', mutate: () => [{ start, end, text: evaluateOnly(args) }] });
  }
  return sites;
}
