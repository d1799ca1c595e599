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

/** The start of a line whose first non-blank character is '#'. */
const DIRECTIVE_START = /(?:^|\n)[ \t]*#/g;

export function blankDirectives(text: string): DirectiveScan {
  const blanked: BlankedToken[] = [];
  const markers: LineMarker[] = [];
  if (text.indexOf('#') < 0) return { text, blanked, markers };
  const out: string[] = [];
  let copied = 0;
  DIRECTIVE_START.lastIndex = 0;
  for (let m = DIRECTIVE_START.exec(text); m !== null; m = DIRECTIVE_START.exec(text)) {
    const start = m.index + m[0].length - 1; // the '#'
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
    out.push(text.slice(copied, start), blankOf(text, start, end));
    copied = end;
    blanked.push({ kind, start, end, text: text.slice(start, end) });
    DIRECTIVE_START.lastIndex = end;
  }
  out.push(text.slice(copied));
  return { text: out.join(''), blanked, markers };
}
