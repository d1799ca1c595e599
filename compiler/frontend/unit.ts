// The contract between the front end and every later pass.
//
// All text is handled as latin1 strings (one JS char per input byte), so a
// string index *is* a byte offset into the preprocessed file and output can be
// written back byte-identical. Tree-sitter node.startIndex/endIndex are offsets
// into `parseText`, which has exactly the same length and line breaks as `text`.
import type Parser from 'tree-sitter';
import type { SymbolTable } from './symbols.js';

/** A location in an original (pre-preprocessing) file, as gcc reports it. */
export interface SourceLocation {
  file: string;
  line: number; // 1-based
  column: number; // 1-based, in bytes
}

/** Why a token was blanked out of parseText before tree-sitter saw it. */
export type BlankedKind =
  | 'attribute' // __attribute__((...)) / __attribute((...))
  | 'extension' // __extension__
  | 'asm-label' // int x asm("sym") / __asm__("sym") after a declarator
  | 'line-marker' // # 12 "file.c" 2
  | 'pragma' // #pragma / _Pragma(...)
  | 'qualifier' // __restrict, __inline, __volatile__, ... rewritten or blanked
  | 'other';

/** A token (or balanced group) removed from parseText, kept as side information. */
export interface BlankedToken {
  kind: BlankedKind;
  start: number; // byte offset in text
  end: number; // exclusive
  text: string; // the original bytes
}

/** One attribute inside __attribute__((a, b(1), c)), split out. */
export interface Attribute {
  name: string; // normalised: leading/trailing "__" stripped, e.g. "fgft_count", "counted_by", "packed"
  args: string; // raw text between the parentheses of the attribute, '' if none
  argsStart: number; // byte offset in text of the first char of args (valid even if args is '')
  start: number; // byte offset of the whole __attribute__ token group this came from
  end: number;
}

/** A region tree-sitter could not parse; it is passed through verbatim and reported. */
export interface ParseErrorRegion {
  start: number;
  end: number;
  location: SourceLocation;
  message: string;
}

/** A function definition in the translation unit. */
export interface FunctionDefinitionInfo {
  name: string;
  /** The function_definition node, in `tree`; for a function in an error region, in that region's own
   *  tree (its root when recovery left no function_definition). */
  node: Parser.SyntaxNode;
  inMainFile: boolean; // defined in the file being compiled, not in a header
  hasParseError: boolean; // contains or overlaps a parse error region: not transformable
  location: SourceLocation;
}

export interface LineMap {
  /** Original file/line/column of a byte offset in the preprocessed text. */
  locate(offset: number): SourceLocation;
  /** True if the byte offset lies in the main source file (not a header / builtin). */
  isMainFile(offset: number): boolean;
  /** True if the byte offset lies in a system header (line-marker flag 3). */
  isSystemHeader(offset: number): boolean;
  /** The main source file name as the preprocessor spelled it. */
  readonly mainFile: string;
}

export interface ParsedUnit {
  path: string; // the main source file
  text: string; // preprocessed text, latin1
  /**
   * text with GNU-only tokens blanked to spaces or respelled (same length and
   * newlines; every change is in `blanked`), and with the `errors` regions
   * blanked too: it is exactly the text `tree` was parsed from.
   */
  parseText: string;
  tree: Parser.Tree;
  blanked: BlankedToken[]; // sorted by start
  attributes: Attribute[]; // every attribute found in blanked attribute groups, sorted by start
  errors: ParseErrorRegion[];
  functions: FunctionDefinitionInfo[];
  lineMap: LineMap;
  symbols: SymbolTable;
}
