// Parse one preprocessed translation unit: sanitize GNU C, run tree-sitter-c,
// contain parse errors to the declarations they occur in, and collect the
// function definitions, line map and symbol table.
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
import { computeLineStarts, MarkerLineMap } from './linemap.js';
import { sanitize } from './sanitize.js';
import { containErrors, type ContainedParse } from './containment.js';
import { collectFunctions } from './functions.js';
import { TreeMirror } from './mirror.js';
import { SymbolTable } from './symbols.js';
import type { ParsedUnit } from './unit.js';

let sharedParser: Parser | undefined;

/** One parser per process: creating one is cheap, but the language load is not free. */
export function cParser(): Parser {
  if (!sharedParser) {
    sharedParser = new Parser();
    sharedParser.setLanguage(C as unknown as Parser.Language);
  }
  return sharedParser;
}

export function parseTranslationUnit(path: string, text: string): ParsedUnit {
  const sanitized = sanitize(text);
  const lineStarts = computeLineStarts(text);
  const lineMap = new MarkerLineMap(text, sanitized.markers, path, lineStarts);
  const contained: ContainedParse = containErrors(cParser(), sanitized.parseText, sanitized.boundaries, lineMap, lineStarts);
  const mirror = new TreeMirror(contained.tree);
  const topLevel = mirror.topLevel();
  const functions = collectFunctions(contained, topLevel, contained.parseText, sanitized.parseText, lineMap);
  const symbols = SymbolTable.build(contained.tree, sanitized.attributes, contained.parseText, mirror, topLevel);
  return {
    path,
    text,
    parseText: contained.parseText,
    tree: contained.tree,
    blanked: sanitized.blanked,
    attributes: sanitized.attributes,
    errors: contained.errors,
    functions,
    lineMap,
    symbols,
  };
}
