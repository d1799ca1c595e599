// A compact plain-JS copy of the declaration-level parts of a syntax tree.
//
// Reading node-tree-sitter nodes costs an N-API call per property and creates
// garbage per node; the symbol table needs only the declaration skeleton
// (specifiers, declarators, parameter lists, struct bodies), so one
// TreeCursor walk copies exactly that, skipping function bodies, initialisers
// and other expressions, which it keeps as leaves with their byte range.
import type Parser from 'tree-sitter';

export interface MirrorNode {
  type: string;
  field: string; // field name in the parent, '' if none
  start: number;
  end: number;
  children: MirrorNode[]; // named children only; empty for leaves and skipped subtrees
}

/** Subtrees copied as leaves: their inner structure is never needed for symbols. */
const OPAQUE = new Set([
  'compound_statement',
  'initializer_list',
  'argument_list',
  'string_literal',
  'concatenated_string',
  'gnu_asm_expression',
  'bitfield_clause',
  'call_expression',
  'sizeof_expression',
  'alignof_expression',
  'offsetof_expression',
  'compound_literal_expression',
  'statement_expression',
  'generic_expression',
  'subscript_expression',
  'field_expression',
  'type_descriptor',
  'parameter_list', // expanded on demand (see TreeMirror.subtree): most prototypes' parameters are never asked for
  'macro_type_specifier',
  'ERROR',
]);

/** Fields whose value is an expression: leaves unless inside an enum (whose values we evaluate). */
const EXPRESSION_FIELDS = new Set(['value', 'size']);

/** Named node types that never have named children: no need to ask the cursor. */
const LEAVES = new Set([
  'storage_class_specifier', // its keyword child is anonymous
  'variadic_parameter',
  'ms_call_modifier',
  'identifier',
  'field_identifier',
  'type_identifier',
  'statement_identifier',
  'primitive_type',
  'number_literal',
  'char_literal',
  'true',
  'false',
  'null',
  'ms_restrict_modifier',
]);

/** Shared by all leaves (never pushed to: a node gets its own array before its children are copied). */
const NO_CHILDREN: MirrorNode[] = [];

interface TypeInfo {
  name: string;
  named: boolean;
  opaque: boolean;
  leaf: boolean;
}

export class TreeMirror {
  private readonly types: TypeInfo[] = [];
  private readonly fields: string[] = [];

  constructor(private readonly tree: Parser.Tree) {}

  private typeInfo(cursor: Parser.TreeCursor): TypeInfo {
    const id = cursor.nodeTypeId;
    let info = this.types[id];
    if (info === undefined) {
      const name = cursor.nodeType;
      info = { name, named: cursor.nodeIsNamed, opaque: OPAQUE.has(name), leaf: LEAVES.has(name) };
      this.types[id] = info;
    }
    return info;
  }

  private fieldName(cursor: Parser.TreeCursor): string {
    const id = cursor.currentFieldId;
    if (!id) return '';
    let name = this.fields[id];
    if (name === undefined) {
      name = cursor.currentFieldName ?? '';
      this.fields[id] = name;
    }
    return name;
  }

  /** Mirror of the root's children (each top-level node with its skeleton). */
  topLevel(): MirrorNode[] {
    const cursor = this.tree.walk();
    const root: MirrorNode = { type: 'translation_unit', field: '', start: 0, end: 0, children: [] };
    if (cursor.gotoFirstChild()) this.siblings(cursor, root, false, false);
    return root.children;
  }

  /** Mirror of one node's subtree (its own opaque-ness is ignored: its children are copied). */
  subtree(node: Parser.SyntaxNode): MirrorNode {
    const m: MirrorNode = { type: node.type, field: '', start: node.startIndex, end: node.endIndex, children: [] };
    const cursor = node.walk();
    if (cursor.gotoFirstChild()) this.siblings(cursor, m, false);
    return m;
  }

  /**
   * Copy the cursor's node and its following siblings into parent.children.
   * `hasFields`: false for the root's children, which are in no field (one call fewer each).
   */
  private siblings(cursor: Parser.TreeCursor, parent: MirrorNode, inEnum: boolean, hasFields = true): void {
    do {
      const info = this.typeInfo(cursor);
      // The main tree holds no ERROR/MISSING nodes except benign ones (see
      // containment.ts), so anonymous tokens can be skipped without asking.
      if (!info.named) continue;
      const field = hasFields ? this.fieldName(cursor) : '';
      const node: MirrorNode = {
        type: info.name,
        field,
        start: cursor.startIndex,
        end: cursor.endIndex,
        children: NO_CHILDREN,
      };
      parent.children.push(node);
      const opaque = info.leaf || info.opaque || (!inEnum && EXPRESSION_FIELDS.has(field));
      if (!opaque && cursor.gotoFirstChild()) {
        node.children = [];
        this.siblings(cursor, node, inEnum || info.name === 'enumerator_list');
        cursor.gotoParent();
      }
    } while (cursor.gotoNextSibling());
  }
}

export function child(node: MirrorNode, field: string): MirrorNode | undefined {
  for (const c of node.children) if (c.field === field) return c;
  return undefined;
}

/**
 * The real syntax node for a mirrored one, found by byte range and type when a
 * pass asks for it (node objects are only created on demand).
 */
export function resolveNode(tree: Parser.Tree, m: MirrorNode): Parser.SyntaxNode {
  let n: Parser.SyntaxNode | null = tree.rootNode.descendantForIndex(m.start, Math.max(m.start, m.end - 1));
  while (n && !(n.type === m.type && n.startIndex === m.start && n.endIndex === m.end)) {
    if (n.startIndex < m.start || n.endIndex > m.end) {
      n = null;
      break;
    }
    n = n.parent;
  }
  return n ?? tree.rootNode;
}
