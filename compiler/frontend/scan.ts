// Small lexical helpers shared by the sanitizer and attribute splitter.

/** Offset just past the string/char literal starting at `start` (quote char there). Stops at a newline. */
export function skipQuoted(text: string, start: number, limit: number): number {
  const quote = text.charCodeAt(start);
  let i = start + 1;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === quote) return i + 1;
    if (c === 10) return i; // unterminated: stop at end of line
    i++;
  }
  return limit;
}

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

export function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** First offset >= i that is not whitespace or a comment. */
export function skipTrivia(text: string, i: number, limit: number): number {
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? limit : e + 2;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const e = text.indexOf('\n', i + 2);
      i = e < 0 ? limit : e;
    } else break;
  }
  return i;
}

/** Same-length filler for text[start,end): spaces, keeping line breaks. */
export function blankOf(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return ' '.repeat(s.length);
  return s.replace(/[^\n\r]/g, ' ');
}

/**
 * A same-length identifier standing in for text[start,stop) (a type operator,
 * a type-name argument, a computed goto target): `stem` padded with '_' on the
 * first line, spaces on any further lines.
 */
export function identifierFiller(text: string, start: number, stop: number, stem: string): string {
  const s = text.slice(start, stop);
  const nl = s.search(/[\r\n]/);
  const firstLen = nl < 0 ? s.length : nl;
  const ident = (stem + '_'.repeat(Math.max(0, firstLen - stem.length))).slice(0, Math.max(firstLen, 1));
  return nl < 0 ? ident : ident + s.slice(firstLen).replace(/[^\r\n]/g, ' ');
}

/** [start, end) ranges of the comma-separated arguments in text[from, to). */
export function splitArguments(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let argStart = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      const close = c === 40 ? matchParen(text, i, to) : matchBracket(text, i, to);
      i = close + 1;
      continue;
    }
    if (c === 34 || c === 39) {
      i = skipQuoted(text, i, to);
      continue;
    }
    if (c === 44) {
      out.push([argStart, i]);
      argStart = i + 1;
    }
    i++;
  }
  out.push([argStart, to]);
  return out;
}

/** Offset of the bracket closing the `[` or `{` at `open` (any bracket kind nests), or `limit`. */
function matchBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      depth--;
      if (depth === 0) return i;
    } else if (c === 34 || c === 39) i = skipQuoted(text, i, limit) - 1;
  }
  return limit;
}

/** Offset of the ')' matching the '(' at `open`, or `limit` if unbalanced. */
export function matchParen(text: string, open: number, limit: number): number {
  let depth = 0;
  let i = open;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) {
      depth--;
      if (depth === 0) return i;
    } else if (c === 34 || c === 39) {
      i = skipQuoted(text, i, limit);
      continue;
    }
    i++;
  }
  return limit;
}
