/**
 * uninit: a local variable's initialiser is dropped.
 *
 * The variable then holds what uninitialised slab memory holds under kernel
 * poisoning (every byte 0x5a), so the fault is the same on every run and in
 * one-build mode. The initialiser stays in dead code so it still type-checks.
 *
 *   before: u32 ctrl = er32(CTRL);
 *   after:  u32 ctrl = ({ __typeof__(ctrl) __fgft_u; if (0) __fgft_u = (er32(CTRL));
 *                         __builtin_memset(&__fgft_u, 0x5a, sizeof(__fgft_u)); __fgft_u; });
 *
 * Sites: initialised scalar or struct locals (not static, not const, not arrays, not `{...}` lists).
 */
import type Parser from 'tree-sitter';
import type { FaultOperator, SiteCandidate } from '../site.js';
import { isStaticDeclaration, nodesOfType } from '../syntax.js';
import { replaceNode } from './common.js';

export const UNINIT_POISON = 0x5a;

/** The declared name if the declarator is `x` or `*...*x` (not an array or a function). */
function declaredName(declarator: Parser.SyntaxNode): string | undefined {
  let d: Parser.SyntaxNode | null = declarator;
  while (d && d.type === 'pointer_declarator') {
    for (let i = 0; i < d.childCount; i++) if (d.child(i)?.type === 'type_qualifier') return undefined;
    d = d.childForFieldName('declarator');
  }
  return d?.type === 'identifier' ? d.text : undefined;
}

function hasQualifier(decl: Parser.SyntaxNode): boolean {
  for (let i = 0; i < decl.namedChildCount; i++) {
    const c = decl.namedChild(i);
    if (c?.type === 'type_qualifier') return true;
  }
  return false;
}

export const uninit: FaultOperator = {
  name: 'uninit',
  description: "a local variable's initialiser is dropped (its bytes hold the slab poison 0x5a)",
  findSites(fn, text) {
    const sites: SiteCandidate[] = [];
    for (const decl of nodesOfType(fn.node, 'declaration')) {
      if (isStaticDeclaration(decl) || hasQualifier(decl)) continue;
      if (decl.parent?.type === 'for_statement') continue; // keep loop counters' scope simple
      for (let i = 0; i < decl.namedChildCount; i++) {
        const init = decl.namedChild(i);
        if (init?.type !== 'init_declarator') continue;
        const declarator = init.childForFieldName('declarator');
        const value = init.childForFieldName('value');
        const name = declarator ? declaredName(declarator) : undefined;
        if (!name || !value || value.type === 'initializer_list' || value.type === 'string_literal') continue;
        sites.push(
          replaceNode(value, text, 'expr', (orig) =>
            `({ __typeof__(${name}) __fgft_u; if (0) __fgft_u = (${orig}); ` +
            `__builtin_memset(&__fgft_u, 0x${UNINIT_POISON.toString(16)}, sizeof(__fgft_u)); __fgft_u; })`,
          ),
        );
      }
    }
    return sites;
  },
};
