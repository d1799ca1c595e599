// Map byte offsets of preprocessed text back to the original file/line/column,
// from cpp's line markers (`# 12 "file.c" 1 3 4`). Built once in a single pass;
// each lookup is a binary search over the marker table plus one over line starts.
import type { LineMap, SourceLocation } from './unit.js';

/** One line marker: from `offset` on (the line after the marker), lines count from `line` in `file`. */
interface MarkerEntry {
  offset: number; // byte offset of the first line the marker describes
  line: number; // original line number of that line
  file: string;
  systemHeader: boolean; // flag 3
}

/** A parsed line marker, as found at a line start. */
export interface LineMarker {
  start: number; // offset of '#'
  end: number; // offset of the terminating '\n' (or text end)
  line: number;
  file: string;
  flags: number[];
}

const MARKER_RE = /^#(?:line)?[ \t]+(\d+)(?:[ \t]+"((?:[^"\\]|\\.)*)")?((?:[ \t]+\d+)*)[ \t]*\r?$/;

/** Digits at text[i, end): [value, offset after them], or undefined if there are none. */
function digitsAt(text: string, i: number, end: number): [number, number] | undefined {
  let value = 0;
  let j = i;
  for (let c = text.charCodeAt(j); j < end && c >= 48 && c <= 57; c = text.charCodeAt(++j)) value = value * 10 + (c - 48);
  return j > i && j - i <= 15 ? [value, j] : undefined; // longer runs: exactness is left to Number()
}

/**
 * cpp's own spelling, `# 12 "file.c" 1 3` (single spaces, no escapes), read
 * without a regex since a unit has thousands of markers; undefined for
 * anything else, which MARKER_RE then decides.
 */
function plainLineMarker(text: string, start: number, end: number): LineMarker | undefined {
  if (text.charCodeAt(start) !== 35 || text.charCodeAt(start + 1) !== 32) return undefined;
  const line = digitsAt(text, start + 2, end);
  if (!line) return undefined;
  let i = line[1];
  let file = '';
  const flags: number[] = [];
  if (i < end) {
    if (text.charCodeAt(i) !== 32 || text.charCodeAt(i + 1) !== 34) return undefined;
    const close = text.indexOf('"', i + 2);
    if (close < 0 || close >= end) return undefined;
    file = text.slice(i + 2, close);
    if (file.indexOf('\\') >= 0) return undefined;
    i = close + 1;
    while (i < end) {
      if (text.charCodeAt(i) !== 32) return undefined;
      const flag = digitsAt(text, i + 1, end);
      if (!flag) return undefined;
      flags.push(flag[0]);
      i = flag[1];
    }
  }
  return { start, end, line: line[0], file, flags };
}

/** Parse the line `text[start, end)` as a line marker, or return undefined. */
export function parseLineMarker(text: string, start: number, end: number): LineMarker | undefined {
  const plain = plainLineMarker(text, start, end);
  if (plain) return plain;
  const m = MARKER_RE.exec(text.slice(start, end));
  if (!m) return undefined;
  const file = m[2] === undefined ? '' : unescapeFileName(m[2]);
  const flags = m[3].trim() === '' ? [] : m[3].trim().split(/[ \t]+/).map(Number);
  return { start, end, line: Number(m[1]), file, flags };
}

function unescapeFileName(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(.)/g, '$1');
}

/** Offsets at which each line starts (line 0 starts at 0). */
export function computeLineStarts(text: string): Int32Array {
  let count = 1;
  let i = text.indexOf('\n');
  while (i >= 0) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  const starts = new Int32Array(count);
  let k = 1;
  i = text.indexOf('\n');
  while (i >= 0) {
    starts[k++] = i + 1;
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Index of the last element of `arr` that is <= value (or -1). */
function floorIndex(arr: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export class MarkerLineMap implements LineMap {
  readonly mainFile: string;
  private readonly entries: MarkerEntry[];
  private readonly entryOffsets: Int32Array;
  private readonly lineStarts: Int32Array;

  /**
   * `markers` are the line markers of `text` in order. `fallbackFile` names the
   * main file when the text has no markers (input that was not preprocessed).
   */
  constructor(text: string, markers: readonly LineMarker[], fallbackFile: string, lineStarts?: Int32Array) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
    const named = markers.find((m) => m.file !== '');
    this.mainFile = named ? named.file : fallbackFile;
    const entries: MarkerEntry[] = [{ offset: 0, line: 1, file: this.mainFile, systemHeader: false }];
    let file = this.mainFile;
    for (const m of markers) {
      if (m.file !== '') file = m.file;
      const offset = Math.min(m.end + 1, text.length);
      entries.push({ offset, line: m.line, file, systemHeader: m.flags.includes(3) });
    }
    this.entries = entries;
    this.entryOffsets = Int32Array.from(entries, (e) => e.offset);
  }

  private entryAt(offset: number): MarkerEntry {
    const k = floorIndex(this.entryOffsets, offset);
    return this.entries[Math.max(0, k)];
  }

  locate(offset: number): SourceLocation {
    const entry = this.entryAt(offset);
    const lineIdx = Math.max(0, floorIndex(this.lineStarts, offset));
    const entryLineIdx = Math.max(0, floorIndex(this.lineStarts, entry.offset));
    return {
      file: entry.file,
      line: entry.line + (lineIdx - entryLineIdx),
      column: offset - this.lineStarts[lineIdx] + 1,
    };
  }

  isMainFile(offset: number): boolean {
    return this.entryAt(offset).file === this.mainFile;
  }

  isSystemHeader(offset: number): boolean {
    return this.entryAt(offset).systemHeader;
  }
}
