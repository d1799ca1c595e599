// Error containment. tree-sitter's error recovery can let one bad declaration
// swallow the declarations after it. So, in rounds: take the first error of
// each top-level node, blank the top-level declaration around it (same length,
// so offsets stay valid), reparse incrementally, and repeat until the tree is
// clean. Each blanked declaration becomes one ParseErrorRegion; the emitter
// passes it through verbatim, and its own (error-containing) tree is kept so
// its functions can still be listed.
import type Parser from 'tree-sitter';
import { blankOf } from './scan.js';
import { firstErrorNode, hasRealError } from './tree-util.js';
import type { LineMap, ParseErrorRegion } from './unit.js';

export interface ContainedParse {
  /** The text the final tree was parsed from: the sanitized text with error regions blanked. */
  parseText: string;
  tree: Parser.Tree;
  errors: ParseErrorRegion[];
  /** Trees of the error regions alone (parsed via includedRanges, so offsets match the file). */
  errorTrees: Map<ParseErrorRegion, Parser.Tree>;
}

/** More errors than this and the remaining ones are reported per top-level node without containment. */
const MAX_CONTAINED_ERRORS = 400;
const BUFFER_SIZE = 1 << 20;

export function parseWhole(parser: Parser, text: string, oldTree?: Parser.Tree): Parser.Tree {
  return parser.parse(text, oldTree ?? null, { bufferSize: BUFFER_SIZE });
}

// A `}` (optionally `};`) alone at the start of a line ends a top-level
// definition in kernel style. Used as an extra boundary once errors exist, so
// an unbalanced `{` does not turn the rest of the file into one region.
const CLOSING_BRACE_LINE = /\n\}[ \t]*;?[ \t]*(?=\r?\n|$)/g;

/** The scanner's boundaries plus closing-brace lines, sorted and unique. */
function withSoftBoundaries(text: string, boundaries: readonly number[]): number[] {
  const soft: number[] = [];
  CLOSING_BRACE_LINE.lastIndex = 0;
  for (let m = CLOSING_BRACE_LINE.exec(text); m !== null; m = CLOSING_BRACE_LINE.exec(text)) soft.push(m.index + m[0].length);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < boundaries.length || j < soft.length) {
    const next = j >= soft.length || (i < boundaries.length && boundaries[i] <= soft[j]) ? boundaries[i++] : soft[j++];
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** Index of the last boundary <= offset (boundaries sorted), or -1. */
function boundaryIndexAtOrBefore(boundaries: readonly number[], offset: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12 && c !== 11) return false;
  }
  return true;
}

/** The top-level declaration [start, end) around `offset`, widened backwards past blank chunks. */
function chunkAround(text: string, boundaries: readonly number[], offset: number): { start: number; end: number } {
  let k = boundaryIndexAtOrBefore(boundaries, offset);
  // An error exactly at a boundary belongs to the declaration that ends there
  // (e.g. a MISSING ';') if what follows is blank.
  let start = k < 0 ? 0 : boundaries[k];
  const end = k + 1 < boundaries.length ? boundaries[k + 1] : text.length;
  while (isBlank(text, start, end) && k >= 0) {
    k--;
    start = k < 0 ? 0 : boundaries[k];
  }
  return { start, end };
}

function describe(text: string, err: Parser.SyntaxNode): string {
  if (err.isMissing) return /^[a-z_]+$/.test(err.type) ? `expected ${err.type.replace(/_/g, ' ')}` : `expected '${err.type}'`;
  const snippet = text.slice(err.startIndex, Math.min(err.endIndex, err.startIndex + 24)).replace(/\s+/g, ' ').trim();
  return snippet === '' ? 'syntax error' : `syntax error near '${snippet}'`;
}

/** Row/column (tree-sitter Point) of an offset, from the line-start table. */
function pointAt(lineStarts: Int32Array, offset: number): Parser.Point {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - lineStarts[lo] };
}

interface TopLevelError {
  err: Parser.SyntaxNode;
  /** Where the culprit declaration is: the error itself, or for a MISSING token the top-level node it closes. */
  anchor: number;
}

/** The first real error of each top-level node that has one, in document order. */
function topLevelErrors(tree: Parser.Tree): TopLevelError[] {
  const root = tree.rootNode;
  if (!root.hasError) return [];
  const out: TopLevelError[] = [];
  const children = root.children; // one bulk call; hasError is also true for ERROR and MISSING nodes
  if (children.length === 0) {
    const err = firstErrorNode(root);
    return err ? [{ err, anchor: err.startIndex }] : [];
  }
  for (const c of children) {
    if (!c.hasError) continue;
    const err = firstErrorNode(c);
    // A MISSING `}` or `;` is reported where tree-sitter gave up, often at the
    // end of what it swallowed (e.g. following functions taken as nested
    // ones); the culprit is where the top-level node begins.
    if (err) out.push({ err, anchor: err.isMissing ? c.startIndex : err.startIndex });
  }
  return out;
}

/** Shrink [start, end) so it overlaps no earlier region (those are blank already). */
function clipToRegions(start: number, end: number, anchor: number, regions: readonly ParseErrorRegion[]): { start: number; end: number } {
  let s = start;
  let e = end;
  for (const r of regions) {
    if (r.end <= anchor) s = Math.max(s, r.end);
    else if (r.start > anchor) e = Math.min(e, r.start);
  }
  return { start: s, end: Math.max(s, e) };
}

/** Containment rounds before giving up (each round blanks every top-level error found). */
const MAX_ROUNDS = 64;

export function containErrors(
  parser: Parser,
  sanitizedText: string,
  boundaries: readonly number[],
  lineMap: LineMap,
  lineStarts: Int32Array,
): ContainedParse {
  let text = sanitizedText;
  let tree = parseWhole(parser, text);
  const errors: ParseErrorRegion[] = [];
  const errorTrees = new Map<ParseErrorRegion, Parser.Tree>();
  let allBoundaries: number[] | undefined; // computed once errors exist
  // Set when a round found no real error in the current tree: the final check is then already done.
  let provenClean = false;
  for (let round = 0; round < MAX_ROUNDS && errors.length < MAX_CONTAINED_ERRORS; round++) {
    // Each top-level error costs the declaration around it. A giant ERROR that
    // swallowed following declarations yields its first one now; the rest
    // parse again (or show up) in the next round.
    const chunks: { start: number; end: number; err: Parser.SyntaxNode }[] = [];
    const found = topLevelErrors(tree);
    if (found.length === 0) {
      // No top-level node holds a real error; only a root that is itself an ERROR is left to report.
      provenClean = tree.rootNode.type !== 'ERROR';
      break;
    }
    for (const { err, anchor } of found) {
      allBoundaries ??= withSoftBoundaries(sanitizedText, boundaries);
      const around = chunkAround(text, allBoundaries, anchor);
      const { start, end } = clipToRegions(around.start, around.end, anchor, errors);
      const last = chunks[chunks.length - 1];
      if (last && start < last.end) {
        last.end = Math.max(last.end, end);
        continue;
      }
      if (!isBlank(text, start, end)) chunks.push({ start, end, err });
    }
    if (chunks.length === 0) break;
    const pieces: string[] = [];
    let copied = 0;
    for (const { start, end, err } of chunks) {
      const startPosition = pointAt(lineStarts, start);
      const endPosition = pointAt(lineStarts, end);
      const region: ParseErrorRegion = {
        start,
        end,
        location: lineMap.locate(Math.max(start, Math.min(err.startIndex, end - 1))),
        message: `${describe(text, err)}; this declaration is passed through unchanged`,
      };
      errors.push(region);
      errorTrees.set(
        region,
        parser.parse(sanitizedText, null, {
          bufferSize: BUFFER_SIZE,
          includedRanges: [{ startIndex: start, endIndex: end, startPosition, endPosition }],
        }),
      );
      pieces.push(text.slice(copied, start), blankOf(text, start, end));
      copied = end;
      tree.edit({
        startIndex: start,
        oldEndIndex: end,
        newEndIndex: end,
        startPosition,
        oldEndPosition: endPosition,
        newEndPosition: endPosition,
      });
    }
    pieces.push(text.slice(copied));
    text = pieces.join('');
    tree = parseWhole(parser, text, tree);
  }
  // Errors the rounds did not contain (gave up, or a tree shape with no top-level error to take).
  if (!provenClean && hasRealError(tree.rootNode)) reportUncontained(tree, text, lineMap, errors);
  errors.sort((a, b) => a.start - b.start);
  return { parseText: text, tree, errors, errorTrees };
}

/** Fallback when containment gave up: one region per top-level node that still has an error. */
function reportUncontained(tree: Parser.Tree, text: string, lineMap: LineMap, errors: ParseErrorRegion[]): void {
  const before = errors.length;
  for (const child of tree.rootNode.children) {
    const err = firstErrorNode(child);
    if (!err) continue;
    errors.push({
      start: child.startIndex,
      end: child.endIndex,
      location: lineMap.locate(err.startIndex),
      message: `${describe(text, err)}; this declaration is passed through unchanged`,
    });
  }
  // tree-sitter may give up on the whole unit (the root itself is the ERROR, its
  // children bare tokens, e.g. a file cut off inside a declaration): report it whole.
  const rootError = errors.length === before ? firstErrorNode(tree.rootNode) : undefined;
  if (rootError) {
    errors.push({
      start: rootError.startIndex,
      end: rootError.endIndex,
      location: lineMap.locate(rootError.startIndex),
      message: `${describe(text, rootError)}; this code is passed through unchanged`,
    });
  }
}
