// Helpers for reading C declarators out of tree-sitter-c syntax nodes.
import type Parser from 'tree-sitter';

/** The declared name of a (possibly nested) declarator, or undefined (abstract declarator). */
export function declaratorName(node: Parser.SyntaxNode | null): string | undefined {
  return declaratorIdentifier(node)?.text;
}

/** The identifier node a declarator declares. */
export function declaratorIdentifier(node: Parser.SyntaxNode | null): Parser.SyntaxNode | undefined {
  let n = node;
  while (n) {
    switch (n.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
        return n;
      case 'parenthesized_declarator': {
        n = n.namedChildren.find((c) => c.type !== 'ms_call_modifier' && c.type !== 'attribute_specifier') ?? null;
        break;
      }
      case 'attributed_declarator':
        n = n.namedChild(0);
        break;
      default: {
        const inner = n.childForFieldName('declarator');
        if (!inner) return undefined;
        n = inner;
      }
    }
  }
  return undefined;
}

/** The function_declarator inside a function definition's declarator (through pointers/parens). */
export function functionDeclaratorOf(node: Parser.SyntaxNode | null): Parser.SyntaxNode | undefined {
  let n = node;
  let found: Parser.SyntaxNode | undefined;
  while (n) {
    if (n.type === 'function_declarator') found = n;
    if (n.type === 'identifier' || n.type === 'field_identifier' || n.type === 'type_identifier') break;
    n =
      n.childForFieldName('declarator') ??
      (n.type === 'parenthesized_declarator' || n.type === 'attributed_declarator' ? n.namedChild(0) : null);
  }
  return found;
}

/**
 * A MISSING node that only reflects a tree-sitter-c gap, not bad code: an
 * unnamed bit-field (`unsigned :4;`) parses with a MISSING field_identifier.
 */
function isBenignMissing(node: Parser.SyntaxNode): boolean {
  return node.isMissing && node.type === 'field_identifier' && node.nextSibling?.type === 'bitfield_clause';
}

/**
 * First ERROR or MISSING node at or below `node` in document order (following
 * only error paths), ignoring benign MISSING nodes.
 */
export function firstErrorNode(node: Parser.SyntaxNode): Parser.SyntaxNode | undefined {
  if (node.type === 'ERROR') return node;
  if (node.isMissing) return isBenignMissing(node) ? undefined : node;
  if (!node.hasError) return undefined;
  // One bulk `children` call costs about half of fetching each child from a cursor.
  for (const c of node.children) {
    // A MISSING node always has an error cost (hasError); a bare ERROR leaf may not.
    if (c.hasError || c.type === 'ERROR') {
      const found = firstErrorNode(c);
      if (found) return found;
    }
  }
  return undefined;
}

/** Does `node` contain a real parse error? */
export function hasRealError(node: Parser.SyntaxNode): boolean {
  return node.hasError && firstErrorNode(node) !== undefined;
}
