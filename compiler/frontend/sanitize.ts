// Lexer-level scan of preprocessed GNU C that produces `parseText`: the same
// bytes, except that GNU-only tokens tree-sitter-c rejects are blanked to
// spaces (or rewritten to a same-length spelling it accepts). Every byte offset
// and line break is kept, and each change is recorded so passes know the
// original text.
import { splitAttributeList } from './attributes.js';
import { blankDirectives } from './directives.js';
import type { LineMarker } from './linemap.js';
import { blankOf, identifierFiller, isIdentChar, isIdentStart, matchParen, skipQuoted, skipTrivia, splitArguments } from './scan.js';
import type { Attribute, BlankedKind, BlankedToken } from './unit.js';
import { gnuRewriteFor, gnuRewriteWords, type GnuRewrite } from './gnu-rewrites.js';

export interface SanitizeResult {
  parseText: string;
  blanked: BlankedToken[];
  attributes: Attribute[];
  markers: LineMarker[];
  /** Offsets just after a top-level `;` or a function body's `}`: where top-level declarations end. */
  boundaries: number[];
}

/** C keywords after which `asm(...)` starts a statement, not a declarator's asm label. */
const STATEMENT_KEYWORDS = new Set(['else', 'do', 'return', 'default']);

/** Identifiers the sanitizer acts on (see identifier()); every other identifier just sets `prev`. */
const SPECIAL_WORDS = [
  '__attribute__', '__attribute', '__extension__', '_Pragma', 'asm', '__asm__', '__asm', 'goto', 'case',
  '_Static_assert', 'static_assert', ...STATEMENT_KEYWORDS, ...gnuRewriteWords(),
];

/** SPECIAL_WORDS by length and first character, so most identifiers are rejected without a slice. */
const MAX_SPECIAL_LENGTH = 32;
/** Dense (a sparse array would fall back to slow dictionary lookups); empty where no word has that shape. */
const SPECIAL_BY_SHAPE: string[][] = Array.from({ length: MAX_SPECIAL_LENGTH << 8 }, () => []);
for (const w of SPECIAL_WORDS) {
  if (w.length >= MAX_SPECIAL_LENGTH) throw new Error(`sanitizer word too long: ${w}`);
  SPECIAL_BY_SHAPE[(w.length << 8) | w.charCodeAt(0)].push(w);
}

/** The special word text[start, end) spells, or undefined. */
function specialWord(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length >= MAX_SPECIAL_LENGTH) return undefined;
  const first = text.charCodeAt(start);
  if (first > 255) return undefined;
  const candidates = SPECIAL_BY_SHAPE[(length << 8) | first];
  for (let k = 0; k < candidates.length; k++) if (text.startsWith(candidates[k], start)) return candidates[k];
  return undefined;
}

/** The token before the current one, as far as asm-label detection cares. */
const enum Prev {
  None,
  Ident, // an identifier that can end a declarator
  CloseParen,
  CloseBracket,
  Other,
}

// Character classes for the hot loop. Latin1 text has only codes < 256, but
// the table covers every UTF-16 code unit so a lookup never goes out of bounds.
const SPACE = 1;
const IDENT_START = 2;
const DIGIT = 3;
const CHAR_CLASS = new Uint8Array(65536);
for (const ch of ' \t\n\r\f\v') CHAR_CLASS[ch.charCodeAt(0)] = SPACE;
for (let c = 0; c < 256; c++) if (isIdentStart(c)) CHAR_CLASS[c] = IDENT_START;
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT;

/** Does text[start, end) contain i, I, j or J (a possible imaginary-constant suffix)? */
function hasImaginaryLetter(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k) | 0x20;
    if (c === 105 || c === 106) return true;
  }
  return false;
}

class Sanitizer {
  private readonly out: string[] = [];
  private copied = 0; // text[0, copied) has been written to `out`
  readonly blanked: BlankedToken[] = [];
  readonly attributes: Attribute[] = [];
  readonly markers: LineMarker[] = [];
  readonly boundaries: number[] = [];
  private prev: Prev = Prev.None;
  private braceDepth = 0;
  private afterGoto = false; // the previous token was `goto`
  private readonly pendingAtomicClose: number[] = []; // offsets of `)` closing _Atomic( ... )
  private asmOperands: [number, number] = [-1, -1]; // [first ':', closing ')'] of the current asm statement
  private parenDepth = 0; // unclosed '(' since the innermost unclosed '{'
  private readonly parenDepthStack: number[] = [];
  /** For each unclosed '{': does it open a struct/union/enum body (it follows a tag or keyword)? */
  private readonly aggregateStack: boolean[] = [];
  private prevSemicolonOrBrace = false; // the previous token was ';' or '{' (for stray ';' in structs)
  private caseDepth = 0; // > 0 between `case` and its ':' (counting nested `?`)

  /**
   * `text` is the input with directive lines already blanked (see
   * directives.ts); `original` is the input itself, for the record.
   */
  constructor(
    private readonly text: string,
    private readonly original: string,
  ) {}

  /** Replace text[start,end) by `replacement` (same length) and record it. */
  private substitute(start: number, end: number, replacement: string, kind: BlankedKind): void {
    const text = this.text;
    if (start > this.copied) this.out.push(text.slice(this.copied, start));
    this.out.push(replacement);
    this.copied = end;
    this.blanked.push({ kind, start, end, text: this.original.slice(start, end) });
  }

  private blank(start: number, end: number, kind: BlankedKind): void {
    this.substitute(start, end, blankOf(this.text, start, end), kind);
  }

  run(): SanitizeResult {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (i < this.copied) i = this.copied; // never rescan substituted text
      const c = text.charCodeAt(i);
      const cls = CHAR_CLASS[c];
      if (cls === SPACE) {
        i++;
        while (i < n && CHAR_CLASS[text.charCodeAt(i)] === SPACE) i++;
        continue;
      }
      if (cls === IDENT_START) {
        let j = i + 1;
        while (j < n && CHAR_CLASS[text.charCodeAt(j)] >= IDENT_START) j++;
        i = this.identifier(i, j);
        continue;
      }
      if (c >= 48 && c <= 57) {
        // pp-number: digits, letters, dots, exponent signs
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (isIdentChar(d) || d === 46) j++;
          else if ((d === 43 || d === 45) && /[eEpP]/.test(text[j - 1])) j++;
          else break;
        }
        this.prev = Prev.Other;
        this.prevSemicolonOrBrace = false;
        this.imaginarySuffix(i, j);
        i = j;
        continue;
      }
      if (c === 34 || c === 39) {
        i = this.stringLiteral(i);
        this.prev = Prev.Other;
        this.prevSemicolonOrBrace = false;
        continue;
      }
      if (c === 47 && (text.charCodeAt(i + 1) === 42 || text.charCodeAt(i + 1) === 47)) {
        i = skipTrivia(text, i, n);
        continue;
      }
      if (c === 42 && this.afterGoto) {
        i = this.computedGoto(i);
        continue;
      }
      this.afterGoto = false;
      if (this.caseDepth > 0) {
        if (c === 63) this.caseDepth++;
        else if (c === 58) this.caseDepth--;
        else if (c === 46 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46) {
          // GNU case range `case 1 ... 5:` -> `case 1 ?: 5:` (one expression, same length)
          this.substitute(i, i + 3, '?: ', 'other');
          i += 3;
          continue;
        }
      }
      if (c === 41 && this.pendingAtomicClose.length > 0 && this.pendingAtomicClose[this.pendingAtomicClose.length - 1] === i) {
        this.pendingAtomicClose.pop();
        this.substitute(i, i + 1, ' ', 'other');
        this.prev = Prev.Other;
        i++;
        continue;
      }
      if (c === 59 && this.strayFieldSemicolon(i)) {
        i++;
        continue;
      }
      if (c === 123) {
        this.braceDepth++;
        this.parenDepthStack.push(this.parenDepth);
        this.aggregateStack.push(this.prev === Prev.Ident);
        this.parenDepth = 0;
      } else if (c === 125 && this.braceDepth > 0) {
        this.braceDepth--;
        this.parenDepth = this.parenDepthStack.pop() ?? 0;
        this.aggregateStack.pop();
        if (this.braceDepth === 0 && this.endsDeclaration(i + 1)) this.boundaries.push(i + 1);
      } else if (c === 59 && this.braceDepth === 0) this.boundaries.push(i + 1);
      else if (c === 40) this.parenDepth++;
      else if (c === 41 && this.parenDepth > 0) this.parenDepth--;
      this.prev = c === 41 ? Prev.CloseParen : c === 93 ? Prev.CloseBracket : Prev.Other;
      this.prevSemicolonOrBrace = c === 59 || c === 123;
      i++;
    }
    if (this.copied < n) this.out.push(text.slice(this.copied));
    return {
      parseText: this.out.join(''),
      blanked: this.blanked,
      attributes: this.attributes,
      markers: this.markers,
      boundaries: this.boundaries,
    };
  }

  /** After a top-level `}`: does the declaration end here (next token on a later line, not `;`)? */
  private endsDeclaration(after: number): boolean {
    const text = this.text;
    const next = skipTrivia(text, after, text.length);
    if (next >= text.length) return true;
    const c = text.charCodeAt(next);
    if (c === 59 || c === 44 || c === 61) return false;
    const nl = text.indexOf('\n', after);
    return nl >= 0 && nl < next;
  }

  /** Handle the identifier text[start,end); returns where scanning continues. */
  private identifier(start: number, end: number): number {
    const atMemberStart = this.prevSemicolonOrBrace;
    this.prevSemicolonOrBrace = false;
    this.afterGoto = false;
    const word = specialWord(this.text, start, end);
    if (word === undefined) {
      this.prev = Prev.Ident;
      return end;
    }
    switch (word) {
      case '__attribute__':
      case '__attribute':
        return this.attributeGroup(start, end);
      case '__extension__':
        this.blank(start, end, 'extension');
        return end;
      case '_Pragma':
        return this.blankCall(start, end, 'pragma');
      case 'asm':
      case '__asm__':
      case '__asm':
        return this.asm(start, end);
      case 'goto':
        this.afterGoto = true;
        this.prev = Prev.Other;
        return end;
      case 'case':
        this.caseDepth = 1;
        this.prev = Prev.Other;
        return end;
      case '_Static_assert':
      case 'static_assert':
        return this.memberStaticAssert(start, end, atMemberStart);
      default:
        break;
    }
    const rewrite = gnuRewriteFor(word);
    if (rewrite) return this.applyRewrite(rewrite, start, end);
    this.prev = STATEMENT_KEYWORDS.has(word) ? Prev.Other : Prev.Ident;
    return end;
  }

  private applyRewrite(rewrite: GnuRewrite, start: number, end: number): number {
    switch (rewrite.kind) {
      case 'keyword': {
        const spelled = rewrite.to + ' '.repeat(end - start - rewrite.to.length);
        this.substitute(start, end, spelled, 'qualifier');
        this.prev = Prev.Other;
        return end;
      }
      case 'blank':
        this.blank(start, end, 'qualifier');
        return end;
      case 'blank-operator':
        this.blank(start, end, 'other');
        return end;
      case 'type-operator':
        return this.typeOperator(start, end);
      case 'type-args':
        return this.typeArguments(start, end, rewrite.indices);
      case 'atomic-specifier':
        return this.atomicSpecifier(start, end);
      case 'alignof':
        return this.alignofExpression(start, end);
    }
  }

  /**
   * GNU `__alignof__(expr)`: tree-sitter-c's alignof takes only a type name.
   * When the operand is clearly an expression (member access, subscript,
   * call), respell the operator as `sizeof` (same shape: an operator applied
   * to a parenthesised operand); a plain name or type is left alone.
   */
  private alignofExpression(start: number, end: number): number {
    const text = this.text;
    this.prev = Prev.Other;
    const open = skipTrivia(text, end, text.length);
    if (text.charCodeAt(open) !== 40) return end;
    const close = matchParen(text, open, text.length);
    if (!/->|[.[(]/.test(text.slice(open + 1, close))) return end;
    this.substitute(start, end, 'sizeof' + ' '.repeat(end - start - 6), 'other');
    return end;
  }

  /** GNU imaginary constants `2.0i`, `3fj`: the i/j suffix is blanked (tree-sitter-c rejects it). */
  private imaginarySuffix(start: number, end: number): void {
    if (!hasImaginaryLetter(this.text, start, end)) return;
    const t = this.text.slice(start, end);
    if (/^0[xX]/.test(t)) return;
    const m = /^([0-9.]+(?:[eE][+-]?[0-9]+)?)([fFlL]*)[iIjJ]([fFlL]*)$/.exec(t);
    if (!m) return;
    this.substitute(start, end, m[1] + m[2] + m[3] + ' ', 'other');
  }

  /** `goto *expr;` -> `goto ____;`: the target expression becomes a label-like identifier. */
  private computedGoto(star: number): number {
    const text = this.text;
    this.afterGoto = false;
    let stop = star;
    while (stop < text.length && text.charCodeAt(stop) !== 59 && text.charCodeAt(stop) !== 125) {
      const c = text.charCodeAt(stop);
      if (c === 40) stop = matchParen(text, stop, text.length) + 1;
      else if (c === 34 || c === 39) stop = skipQuoted(text, stop, text.length);
      else stop++;
    }
    while (stop > star + 1 && /\s/.test(text[stop - 1])) stop--;
    this.substitute(star, stop, identifierFiller(text, star, stop, '__goto'), 'other');
    this.prev = Prev.Ident;
    return stop;
  }

  /** `__builtin_va_arg(ap, char *)`: the type-name arguments become same-length identifiers. */
  private typeArguments(start: number, end: number, indices: readonly number[]): number {
    const text = this.text;
    const open = skipTrivia(text, end, text.length);
    this.prev = Prev.Ident;
    if (text.charCodeAt(open) !== 40) return end;
    const close = matchParen(text, open, text.length);
    const args = splitArguments(text, open + 1, close);
    // Substitutions must be in order; arguments are.
    let resume = open + 1;
    args.forEach(([s, e], k) => {
      const from = skipTrivia(text, s, e);
      let to = e;
      while (to > from && /\s/.test(text[to - 1])) to--;
      if (indices.includes(k) && to > from) {
        this.substitute(from, to, identifierFiller(text, from, to, '__type'), 'other');
        resume = to;
      }
    });
    // Arguments before the last type argument are not scanned further (they are plain expressions).
    return resume;
  }

  /** `_Atomic(T)` (the specifier) -> `_Atomic T ` (the qualifier), which tree-sitter-c accepts. */
  private atomicSpecifier(start: number, end: number): number {
    const text = this.text;
    const open = skipTrivia(text, end, text.length);
    this.prev = Prev.Other;
    if (text.charCodeAt(open) !== 40) return end;
    const close = matchParen(text, open, text.length);
    if (close >= text.length) return end;
    this.substitute(open, open + 1, ' ', 'other');
    // The inside is scanned normally (it may hold typeof, attributes, ...); the ')' is blanked when reached.
    this.pendingAtomicClose.push(close);
    return open + 1;
  }

  /** `typeof(...)`: replaced by a same-length type name, since tree-sitter-c has no typeof. */
  private typeOperator(start: number, end: number): number {
    const text = this.text;
    const open = skipTrivia(text, end, text.length);
    if (text.charCodeAt(open) !== 40) {
      this.prev = Prev.Ident;
      return end;
    }
    const close = matchParen(text, open, text.length);
    const stop = Math.min(close + 1, text.length);
    this.substitute(start, stop, identifierFiller(text, start, stop, '__typeof'), 'other');
    this.prev = Prev.Ident;
    return stop;
  }

  private attributeGroup(start: number, end: number): number {
    const text = this.text;
    const open = skipTrivia(text, end, text.length);
    if (text.charCodeAt(open) !== 40) {
      this.blank(start, end, 'attribute');
      return end;
    }
    const close = matchParen(text, open, text.length);
    const stop = Math.min(close + 1, text.length);
    const inner = skipTrivia(text, open + 1, close);
    if (text.charCodeAt(inner) === 40) {
      const innerClose = matchParen(text, inner, close);
      splitAttributeList(text, inner + 1, innerClose, start, stop, this.attributes);
    }
    this.blank(start, stop, 'attribute');
    return stop;
  }

  /** Blank `word(...)` entirely. */
  private blankCall(start: number, end: number, kind: BlankedKind): number {
    const text = this.text;
    const open = skipTrivia(text, end, text.length);
    if (text.charCodeAt(open) !== 40) {
      this.blank(start, end, kind);
      return end;
    }
    const stop = Math.min(matchParen(text, open, text.length) + 1, text.length);
    this.blank(start, stop, kind);
    return stop;
  }

  /**
   * `asm` after a declarator (`int x asm("sym");`, `void f(void) __asm__("g");`)
   * is an asm label: blanked. Otherwise it is an asm statement, which
   * tree-sitter-c parses.
   */
  private asm(start: number, end: number): number {
    const text = this.text;
    const afterDeclarator =
      this.prev === Prev.Ident ||
      this.prev === Prev.CloseBracket ||
      (this.prev === Prev.CloseParen && this.braceDepth === 0);
    const open = skipTrivia(text, end, text.length);
    if (!afterDeclarator || text.charCodeAt(open) !== 40) {
      this.prev = Prev.Other;
      this.asmStatement(end);
      return end;
    }
    const close = matchParen(text, open, text.length);
    const stop = Math.min(close + 1, text.length);
    const next = skipTrivia(text, stop, text.length);
    const nc = text.charCodeAt(next);
    const endsDeclarator = nc === 59 || nc === 61 || nc === 44 || nc === 123 || text.startsWith('__attribute', next);
    if (!endsDeclarator) {
      this.prev = Prev.Other;
      this.asmStatement(end);
      return end;
    }
    this.blank(start, stop, 'asm-label');
    return stop;
  }

  /**
   * An asm statement starting after the `asm` keyword at `end`: note where its
   * operands are, since tree-sitter-c accepts only a single string literal as
   * an operand constraint and kernel code concatenates them (`"=" "r"`).
   */
  private asmStatement(end: number): void {
    const text = this.text;
    let open = skipTrivia(text, end, text.length);
    // Qualifiers (volatile/inline/goto and GNU spellings) are scanned normally later.
    while (isIdentStart(text.charCodeAt(open))) {
      let j = open + 1;
      while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
      open = skipTrivia(text, j, text.length);
    }
    if (text.charCodeAt(open) !== 40) return;
    const close = matchParen(text, open, text.length);
    for (let i = open + 1; i < close; ) {
      const c = text.charCodeAt(i);
      if (c === 40) i = matchParen(text, i, close) + 1;
      else if (c === 34 || c === 39) i = skipQuoted(text, i, close);
      else if (c === 58) {
        this.asmOperands = [i, close];
        return;
      } else i++;
    }
  }

  /** A string literal at `start`; in asm operands, a run of adjacent literals becomes one `""`. */
  private stringLiteral(start: number): number {
    const text = this.text;
    let end = skipQuoted(text, start, text.length);
    if (text.charCodeAt(start) !== 34 || start < this.asmOperands[0] || start >= this.asmOperands[1]) return end;
    let next = skipTrivia(text, end, text.length);
    if (text.charCodeAt(next) !== 34) return end;
    while (text.charCodeAt(next) === 34 && next < this.asmOperands[1]) {
      end = skipQuoted(text, next, text.length);
      next = skipTrivia(text, end, text.length);
    }
    this.substitute(start, end, '""' + blankOf(text, start + 2, end), 'other');
    return end;
  }

  /**
   * `_Static_assert(...)` as a struct member (C11) is rejected by tree-sitter-c;
   * it has no effect on the layout, so it is blanked there (its `;` then goes
   * as a stray member semicolon). Elsewhere it parses and is kept.
   */
  private memberStaticAssert(start: number, end: number, atMemberStart: boolean): number {
    const text = this.text;
    const inAggregate = this.aggregateStack.length > 0 && this.aggregateStack[this.aggregateStack.length - 1];
    const open = skipTrivia(text, end, text.length);
    this.prev = Prev.Ident;
    if (!inAggregate || !atMemberStart || text.charCodeAt(open) !== 40) return end;
    const stop = Math.min(matchParen(text, open, text.length) + 1, text.length);
    this.blank(start, stop, 'other');
    this.prevSemicolonOrBrace = true; // so the `;` after it is blanked as a stray member semicolon
    return stop;
  }

  /** At a `;` inside braces: an empty member declaration (`struct { int a;; }`, GNU) is blanked. */
  private strayFieldSemicolon(i: number): boolean {
    if (this.braceDepth === 0 || this.parenDepth !== 0 || !this.prevSemicolonOrBrace) return false;
    this.substitute(i, i + 1, ' ', 'other');
    return true;
  }
}

export function sanitize(text: string): SanitizeResult {
  const directives = blankDirectives(text);
  const result = new Sanitizer(directives.text, text).run();
  return {
    ...result,
    blanked: mergeByStart(directives.blanked, result.blanked),
    markers: directives.markers,
  };
}

function mergeByStart(a: BlankedToken[], b: BlankedToken[]): BlankedToken[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: BlankedToken[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].start <= b[j].start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
