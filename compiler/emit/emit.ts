// Apply a pass pipeline's edits to the preprocessed text, keeping gcc's view
// of the original file and line true with line markers.
import type { LineMap } from '../frontend/unit.js';
import type { EditSet } from './edits.js';

function countNewlines(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** A line marker that makes gcc believe the next line is `offset`'s line, padded to its column. */
export function lineMarkerFor(lineMap: LineMap, offset: number): string {
  const loc = lineMap.locate(offset);
  const flags = lineMap.isSystemHeader(offset) ? ' 3' : '';
  return `# ${loc.line} "${escapeFileName(loc.file)}"${flags}\n` + ' '.repeat(Math.max(0, loc.column - 1));
}

/** Escape a file name the way cpp does in line markers. */
export function escapeFileName(file: string): string {
  return file.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * Produce the output text. Between edits the input is copied unchanged. Where
 * an edit changes the number of lines, a line marker right after it resyncs
 * gcc's line counter (and pads to the original column), so diagnostics,
 * __LINE__ and debug info keep pointing at the original source.
 */
export function applyEdits(text: string, edits: EditSet, lineMap: LineMap): string {
  const sorted = edits.sorted();
  if (sorted.length === 0) return text;
  const out: string[] = [];
  let pos = 0;
  for (let k = 0; k < sorted.length; k++) {
    const e = sorted[k];
    out.push(text.slice(pos, e.start));
    out.push(e.text);
    pos = e.end;
    // Group insertions at the same offset: resync once after the last of them.
    const next = sorted[k + 1];
    const groupContinues = next !== undefined && next.start === e.end && next.start === next.end;
    if (groupContinues) continue;
    if (linesChanged(text, sorted, k, e.end)) {
      const last = out[out.length - 1];
      if (last.length > 0 && !last.endsWith('\n')) out.push('\n');
      else if (last.length === 0) {
        const prevChar = text.charCodeAt(e.start - 1);
        if (e.start > 0 && prevChar !== 10) out.push('\n');
      }
      out.push(lineMarkerFor(lineMap, e.end));
    }
  }
  out.push(text.slice(pos));
  return out.join('');
}

/** Did the group of edits ending at index k (all ending at `end`) change the line count? */
function linesChanged(text: string, sorted: { start: number; end: number; text: string }[], k: number, end: number): boolean {
  let j = k;
  while (j > 0 && sorted[j - 1].end === sorted[j].start && sorted[j - 1].start === sorted[j - 1].end && sorted[j].start === end) j--;
  let added = 0;
  let removed = 0;
  for (let i = j; i <= k; i++) {
    added += countNewlines(sorted[i].text);
    removed += countNewlines(text, sorted[i].start, sorted[i].end);
  }
  return added !== removed;
}
