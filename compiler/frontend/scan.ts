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
