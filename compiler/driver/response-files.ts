// @file response files, read the way gcc (libiberty's expandargv/buildargv) reads them:
// words split at whitespace; '…' and "…" group; a backslash takes the next
// character literally, even inside quotes; "" is an empty word; a response
// file may name further @files; an @file that cannot be read stays a word.
import { readFileSync, statSync } from 'node:fs';

const MAX_DEPTH = 2000; // libiberty stops runaway recursion too

export function splitResponseText(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i])) i++;
    if (i >= text.length) break;
    let word = '';
    let squote = false;
    let dquote = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (isSpace(ch) && !squote && !dquote) break;
      if (ch === '\\') {
        i++;
        if (i < text.length) word += text[i];
      } else if (squote) {
        if (ch === "'") squote = false;
        else word += ch;
      } else if (dquote) {
        if (ch === '"') dquote = false;
        else word += ch;
      } else if (ch === "'") squote = true;
      else if (ch === '"') dquote = true;
      else word += ch;
    }
    words.push(word);
  }
  return words;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
}

export interface ExpandedArguments {
  args: string[];
  /** True if any @file was read (the expanded list differs from the input). */
  expanded: boolean;
}

/** Replace every readable @file by its words, recursively. */
export function expandResponseFiles(args: readonly string[], readText = readResponseFile): ExpandedArguments {
  const out: string[] = [];
  let expanded = false;
  const visit = (list: readonly string[], depth: number): void => {
    for (const arg of list) {
      if (!arg.startsWith('@') || arg.length === 1 || depth >= MAX_DEPTH) {
        out.push(arg);
        continue;
      }
      const text = readText(arg.slice(1));
      if (text === undefined) {
        out.push(arg); // gcc then reports it as a missing input file
        continue;
      }
      expanded = true;
      visit(splitResponseText(text), depth + 1);
    }
  };
  visit(args, 0);
  return { args: out, expanded };
}

function readResponseFile(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return undefined;
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** Quote one word so that splitResponseText gives it back unchanged. */
export function quoteResponseWord(word: string): string {
  if (word === '') return '""';
  return word.replace(/[\s'"\\]/g, (ch) => '\\' + ch);
}
