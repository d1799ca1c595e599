// Small tree-sitter helpers shared by the entry-point detectors and the stub
// generator: walking, and taking a C declarator apart.
import type Parser from 'tree-sitter';

type Node = Parser.SyntaxNode;

/** Visit every named node below (and including) `root`, depth first. */
export function walk(root: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    visit(n);
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
}

/** Strip parentheses and casts: `(fn)`, `&fn`, `(void *)fn` all name `fn`. */
export function functionNameOf(expr: Node | null): string | undefined {
  let n = expr;
  while (n) {
    switch (n.type) {
      case 'identifier':
        return n.text;
      case 'parenthesized_expression':
        n = n.namedChild(0);
        break;
      case 'pointer_expression':
        if (n.child(0)?.type !== '&') return undefined;
        n = n.childForFieldName('argument');
        break;
      case 'cast_expression':
        n = n.childForFieldName('value');
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

/** The function_declarator that directly holds the function's name, and that name. */
export interface NamedFunctionDeclarator {
  declarator: Node; // the function_declarator
  name: Node; // its identifier
  /** True if pointer or function declarators wrap it: the function returns a pointer. */
  returnsPointer: boolean;
}

/** Find the declarator naming a function in a definition's or prototype's declarator chain. */
export function namedFunctionDeclarator(top: Node | null): NamedFunctionDeclarator | undefined {
  let n = top;
  let returnsPointer = false;
  while (n) {
    if (n.type === 'function_declarator') {
      const inner = unwrapParens(n.childForFieldName('declarator'));
      if (inner?.type === 'identifier') return { declarator: n, name: inner, returnsPointer };
      returnsPointer = true; // returns a function pointer
      n = inner;
    } else if (n.type === 'pointer_declarator') {
      returnsPointer = true;
      n = n.childForFieldName('declarator');
    } else if (n.type === 'parenthesized_declarator') {
      n = n.namedChild(0);
    } else if (n.type === 'attributed_declarator') {
      n = n.namedChild(0);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function unwrapParens(n: Node | null): Node | null {
  let cur = n;
  while (cur && cur.type === 'parenthesized_declarator') cur = cur.namedChild(0);
  return cur;
}

/** The identifier a (parameter or variable) declarator declares, if any. */
export function declaredName(declarator: Node | null): Node | undefined {
  let n = declarator;
  while (n) {
    if (n.type === 'identifier') return n;
    if (n.type === 'parenthesized_declarator' || n.type === 'attributed_declarator') n = n.namedChild(0);
    else n = n.childForFieldName('declarator');
  }
  return undefined;
}

/** A function's parameters as the stub needs them. */
export interface ParameterList {
  names: string[];
  /** Each named parameter's type as one line with the name taken out, e.g. "struct sk_buff *". */
  types: string[];
  variadic: boolean;
  /** A parameter without a name (old-style or abstract): cannot be forwarded. */
  unnamed: boolean;
}

export function parametersOf(fnDeclarator: Node): ParameterList {
  const list = fnDeclarator.childForFieldName('parameters');
  const out: ParameterList = { names: [], types: [], variadic: false, unnamed: false };
  if (!list) return out;
  const params = list.namedChildren.filter((c) => c.type !== 'comment');
  for (const p of params) {
    if (p.type === 'variadic_parameter') {
      out.variadic = true;
      continue;
    }
    if (p.type !== 'parameter_declaration') {
      out.unnamed = true; // K&R identifier lists and the like
      continue;
    }
    const name = declaredName(p.childForFieldName('declarator'));
    if (name) {
      out.names.push(name.text);
      const before = p.text.slice(0, name.startIndex - p.startIndex);
      const after = p.text.slice(name.endIndex - p.startIndex);
      out.types.push(oneLine(`${before}${after}`));
    }
    else if (!(params.length === 1 && p.text.trim() === 'void')) out.unnamed = true;
  }
  return out;
}

/** Collapse a stretch of C text to one line: runs of white space become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}
