// Tree helpers shared by the operators: walking a function body, reading a
// call's name and arguments, and knowing where an expression may not change
// (constant-expression and unevaluated contexts).
import type Parser from 'tree-sitter';

type Node = Parser.SyntaxNode;

/** Every named descendant of `root` (pre-order), including root. */
export function* descendants(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    yield node;
    for (let i = node.namedChildCount - 1; i >= 0; i--) {
      const child = node.namedChild(i);
      if (child) stack.push(child);
    }
  }
}

/** Nodes of the given types in a function's body. */
export function nodesOfType(fn: Node, ...types: string[]): Node[] {
  const body = fn.childForFieldName('body');
  if (!body) return [];
  const want = new Set(types);
  const out: Node[] = [];
  for (const n of descendants(body)) if (want.has(n.type) && !inFrozenContext(n)) out.push(n);
  return out;
}

// Contexts where a run-time selector or a side effect is not allowed or not
// evaluated: the mutation would not compile or would mean nothing.
const FROZEN_ANCESTORS = new Set([
  'sizeof_expression',
  'alignof_expression',
  'offsetof_expression',
  'case_statement',
  'enumerator',
  'bitfield_clause',
  'array_declarator',
  'static_assert_declaration',
  'gnu_asm_expression',
  'typeof_specifier',
  'macro_type_specifier',
  'type_descriptor',
]);

export function inFrozenContext(node: Node): boolean {
  for (let p: Node | null = node.parent; p; p = p.parent) {
    if (p.type === 'case_statement') {
      // Only the label value is constant; the statements after it are ordinary.
      const value = p.childForFieldName('value');
      if (value && value.startIndex <= node.startIndex && node.endIndex <= value.endIndex) return true;
      continue;
    }
    if (FROZEN_ANCESTORS.has(p.type)) return true;
    if (p.type === 'declaration' && isStaticDeclaration(p)) return true; // static locals need constant initialisers
    if (p.type === 'function_definition') return false;
  }
  return false;
}

export function isStaticDeclaration(decl: Node): boolean {
  for (let i = 0; i < decl.namedChildCount; i++) {
    const c = decl.namedChild(i);
    if (c?.type === 'storage_class_specifier' && c.text.trim() === 'static') return true;
  }
  return false;
}

/** The callee's name if a call is a plain `name(...)` call. */
export function calleeName(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'identifier' ? fn.text : undefined;
}

export function callArguments(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  if (!list) return [];
  const out: Node[] = [];
  for (let i = 0; i < list.namedChildCount; i++) {
    const a = list.namedChild(i);
    if (a && a.type !== 'comment') out.push(a);
  }
  return out;
}

/** Inside `( ... )`, the expression; otherwise the node itself. */
export function unparenthesize(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) {
    const inner = n.namedChild(0);
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** The binary operator token of a binary/assignment expression. */
export function operatorToken(node: Node): Node | null {
  return node.childForFieldName('operator');
}

/** Calls of the runtime fgftc inserts and compiler builtins are never fault sites. */
export function isRuntimeName(name: string): boolean {
  return /^(fgft_|kr_|__fgft|__builtin_|__deputy|__sd_)/.test(name);
}

/** A call whose result is discarded: `f(...);` as a whole expression statement. */
export function isExpressionStatementCall(node: Node): boolean {
  return node.type === 'call_expression' && node.parent?.type === 'expression_statement';
}

/** The text of the unit between node bounds (from the real text, not parseText). */
export function slice(text: string, node: { startIndex: number; endIndex: number }): string {
  return text.slice(node.startIndex, node.endIndex);
}

/** Function names defined in the unit (for "is this a kernel call?" questions). */
export function definedFunctionNames(root: Node): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < root.namedChildCount; i++) {
    const c = root.namedChild(i);
    if (c?.type !== 'function_definition') continue;
    let d = c.childForFieldName('declarator');
    while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
    const id = d?.childForFieldName('declarator');
    if (id?.type === 'identifier') names.add(id.text);
  }
  return names;
}

/** An expression made only of literals (macro plumbing such as `((64) == 64)`), not a real branch. */
export function isConstantExpression(node: Node): boolean {
  for (const n of descendants(node)) {
    if (n.type === 'identifier' || n.type === 'call_expression' || n.type === 'field_expression' || n.type === 'subscript_expression') {
      return false;
    }
  }
  return true;
}
