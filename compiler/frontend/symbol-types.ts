// The kinds of symbols the front end records. Types are kept as normalised
// text (attributes blanked, whitespace collapsed) plus the structure later
// passes ask about most: pointer depth, array sizes, bit-field widths, and the
// attributes attached to each declarator / pointer level.
import type Parser from 'tree-sitter';
import type { Attribute } from './unit.js';

/** One declarator of a declaration: a variable, field, parameter or typedef name. */
export interface DeclaratorInfo {
  name: string; // '' for an abstract declarator (unnamed parameter, padding bit-field)
  /** Base type of the declaration, e.g. "const struct e1000_desc", "unsigned int". */
  baseType: string;
  /** Full type without the name, e.g. "struct e1000_desc *", "char [16]", "int (*)(void)". */
  type: string;
  pointerDepth: number; // number of `*` levels directly on the declarator (not inside a typedef)
  arraySizes: string[]; // outermost first; '' for `[]`
  isFunctionPointer: boolean;
  /**
   * Attributes on this declarator: those written before the declaration's type
   * (they apply to every declarator of it), after the declarator's name, and
   * between the declarator's parts.
   */
  attributes: Attribute[];
  /** attributes after the k-th `*` (0 = the outermost, the one nearest the type). */
  pointerAttributes: Attribute[][];
  node: Parser.SyntaxNode; // the declarator node (init_declarator's declarator when initialised)
  declarationNode: Parser.SyntaxNode; // the enclosing declaration / field_declaration / parameter_declaration
}

export interface FieldSymbol extends DeclaratorInfo {
  bitWidth?: string; // text of the bit-field width
}

export interface RecordSymbol {
  kind: 'struct' | 'union';
  tag: string; // '' for an anonymous struct/union
  fields: FieldSymbol[];
  attributes: Attribute[]; // e.g. packed, aligned
  node: Parser.SyntaxNode; // the struct_specifier / union_specifier with its body
  start: number; // node.startIndex, without resolving the node
  end: number;
  field(name: string): FieldSymbol | undefined;
}

export interface EnumConstantSymbol {
  name: string;
  valueText?: string; // the explicit `= expr`, if any
  value?: bigint; // when computable
  enumTag: string;
  node: Parser.SyntaxNode;
}

export interface EnumSymbol {
  tag: string;
  constants: EnumConstantSymbol[];
  attributes: Attribute[];
  node: Parser.SyntaxNode;
}

export interface TypedefSymbol extends DeclaratorInfo {
  /** The struct/union named or defined by this typedef, e.g. `typedef struct {...} ring_t`. */
  record?: RecordSymbol;
  enumType?: EnumSymbol;
}

export interface ParameterSymbol extends DeclaratorInfo {
  index: number;
}

export interface FunctionSymbol {
  name: string;
  returnType: string; // e.g. "int", "struct sk_buff *"
  parameters: ParameterSymbol[];
  variadic: boolean;
  isDefinition: boolean;
  storage: string[]; // static, extern, inline, ...
  attributes: Attribute[]; // attributes of the whole declaration
  node: Parser.SyntaxNode; // function_definition or declaration
  start: number; // node.startIndex, without resolving the node
  end: number;
  parameter(name: string): ParameterSymbol | undefined;
}

export interface GlobalSymbol extends DeclaratorInfo {
  storage: string[];
  hasInitializer: boolean;
}
