// First sanitizer stage: blank every preprocessor line (line markers,
// #pragma, anything else starting with '#') so that later stages, which look
// ahead across lines (balanced parentheses, argument lists), never see them.
import { parseLineMarker, type LineMarker } from './linemap.js';
import { blankOf } from './scan.js';
import type { BlankedKind, BlankedToken } from './unit.js';

export interface DirectiveScan {
  text: string; // input with directive lines blanked
  blanked: BlankedToken[];
  markers: LineMarker[];
}

/** Is the '#' at `hash` the first non-blank character (space/tab) of its line? */
function startsLine(text: string, hash: number): boolean {
  for (let i = hash - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Spaces over out[start, end), keeping line breaks (text is out's latin1 decoding). */
function blankBytes(out: Buffer, text: string, start: number, end: number): void {
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.fill(32, from, i);
      from = i + 1;
    }
  }
  out.fill(32, from, end);
}

/** `text` with each blanked range turned into spaces (line breaks kept). */
function withRangesBlanked(text: string, blanked: readonly BlankedToken[]): string {
  if (blanked.length === 0) return text;
  // Blanking in a byte copy and decoding once is cheaper than joining slices
  // around thousands of markers; it needs latin1 text (instant to check on a
  // one-byte string), which is what the compiler reads.
  if (!/[^\x00-\xff]/.test(text)) {
    const out = Buffer.from(text, 'latin1');
    for (const b of blanked) blankBytes(out, text, b.start, b.end);
    return out.toString('latin1');
  }
  const pieces: string[] = [];
  let copied = 0;
  for (const b of blanked) {
    pieces.push(text.slice(copied, b.start), blankOf(text, b.start, b.end));
    copied = b.end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

export function blankDirectives(text: string): DirectiveScan {
  const blanked: BlankedToken[] = [];
  const markers: LineMarker[] = [];
  if (text.indexOf('#') < 0) return { text, blanked, markers };
  // indexOf finds candidates much faster than a line-anchored regex over the whole text.
  for (let start = text.indexOf('#'); start >= 0; start = text.indexOf('#', start + 1)) {
    if (!startsLine(text, start)) continue;
    let end = text.indexOf('\n', start);
    // Backslash-newline continues a directive (only in unpreprocessed input).
    while (end > 0 && text.charCodeAt(end - 1) === 92) end = text.indexOf('\n', end + 1);
    if (end < 0) end = text.length;
    const marker = parseLineMarker(text, start, end);
    let kind: BlankedKind = 'other';
    if (marker) {
      markers.push(marker);
      kind = 'line-marker';
    } else if (/^#\s*pragma\b/.test(text.slice(start, Math.min(end, start + 32)))) kind = 'pragma';
    blanked.push({ kind, start, end, text: text.slice(start, end) });
    start = end; // the search resumes after the directive's line
  }
  return { text: withRangesBlanked(text, blanked), blanked, markers };
}
