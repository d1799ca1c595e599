// Split the inside of `__attribute__((a, b(1), c))` into Attribute entries.
import type { Attribute } from './unit.js';
import { isIdentChar, isSpace, matchParen, skipQuoted } from './scan.js';

/** Normalise an attribute name: `__packed__` -> `packed`, `__counted_by` -> `counted_by`. */
export function normaliseAttributeName(name: string): string {
  let n = name;
  if (n.startsWith('__')) n = n.slice(2);
  if (n.endsWith('__')) n = n.slice(0, -2);
  return n;
}

/**
 * Split the attribute list `text[listStart, listEnd)` (between the inner
 * parentheses) of the group `text[groupStart, groupEnd)` into attributes.
 * Items that are not `name` or `name(args)` are skipped.
 */
export function splitAttributeList(
  text: string,
  listStart: number,
  listEnd: number,
  groupStart: number,
  groupEnd: number,
  out: Attribute[],
): void {
  let i = listStart;
  while (i < listEnd) {
    while (i < listEnd && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 44)) i++;
    if (i >= listEnd) break;
    const nameStart = i;
    while (i < listEnd && isIdentChar(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    let j = i;
    while (j < listEnd && isSpace(text.charCodeAt(j))) j++;
    let args = '';
    let argsStart = i;
    if (j < listEnd && text.charCodeAt(j) === 40) {
      const close = matchParen(text, j, listEnd);
      argsStart = j + 1;
      args = text.slice(argsStart, close);
      i = Math.min(close + 1, listEnd);
    } else {
      i = j;
    }
    if (name !== '') {
      out.push({ name: normaliseAttributeName(name), args, argsStart, start: groupStart, end: groupEnd });
    }
    // Skip anything else up to the next top-level comma.
    while (i < listEnd && text.charCodeAt(i) !== 44) {
      const c = text.charCodeAt(i);
      if (c === 40) i = Math.min(matchParen(text, i, listEnd) + 1, listEnd);
      else if (c === 34 || c === 39) i = skipQuoted(text, i, listEnd);
      else i++;
    }
    if (name === '' && i === nameStart) i++; // guarantee progress on junk
  }
}
