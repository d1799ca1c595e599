// The front end's fast paths (see bench/frontend-throughput.ts) against the
// straightforward code they replaced: each reference below is that earlier
// implementation, and the fast path must give exactly its result.
import { describe, expect, test } from 'vitest';
import { blankDirectives } from '../../compiler/frontend/directives.js';
import { parseLineMarker, type LineMarker } from '../../compiler/frontend/linemap.js';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import { sanitize } from '../../compiler/frontend/sanitize.js';
import { gnuRewriteWords } from '../../compiler/frontend/gnu-rewrites.js';

/** The regex-only line-marker parser (parseLineMarker now reads cpp's plain spelling by hand first). */
function referenceLineMarker(text: string, start: number, end: number): LineMarker | undefined {
  const m = /^#(?:line)?[ \t]+(\d+)(?:[ \t]+"((?:[^"\\]|\\.)*)")?((?:[ \t]+\d+)*)[ \t]*\r?$/.exec(text.slice(start, end));
  if (!m) return undefined;
  const file = m[2] === undefined ? '' : m[2].replace(/\\(.)/g, '$1');
  const flags = m[3].trim() === '' ? [] : m[3].trim().split(/[ \t]+/).map(Number);
  return { start, end, line: Number(m[1]), file, flags };
}

const MARKER_LINES = [
  '# 1 "drv.c"', '# 0 "<built-in>"', '# 12 "/usr/include/stdio.h" 1 3 4', '# 2 "drv.c" 2', '# 7', '# 7 "a.c" 3',
  '#line 9 "b.c"', '#  3 "two spaces.c"', '# 3  "x.c"', '#\t4 "tab.c"', '# 5 "t.c"\t1', '# 5 "t.c" 1 ', '# 5 "t.c"\r',
  '# 6 "esc\\"q.c" 1', '# 6 "back\\\\slash.c"', '# 8 "unterminated.c', '# 8 "x.c" 1x', '# 8 "x.c"x', '# 12a', '#12 "f.c"',
  '# 99999999999999999999 "big.c"', '# 123456789012345 "fifteen.c"', '# "nofile.c"', '# x', '#', '# ', '#pragma once',
  '# define X 1', '# 1 "" 1', '# 1 "a"b"', 'x 1 "a.c"', '# 0x1 "hex.c"', '# 1 "a.c" 1 2 3 4 5 6',
];

describe('line markers: hand-read fast path = regex reference', () => {
  test.each(MARKER_LINES)('%s', (line) => {
    // Also embedded in a larger text, as the directive scanner calls it.
    const text = `int a;\n${line}\nint b;\n`;
    const start = text.indexOf(line);
    expect(parseLineMarker(text, start, start + line.length)).toEqual(referenceLineMarker(text, start, start + line.length));
    expect(parseLineMarker(line, 0, line.length)).toEqual(referenceLineMarker(line, 0, line.length));
  });
});

/** The regex-driven directive scan (blankDirectives now finds '#' with indexOf and blanks in a byte buffer). */
function referenceDirectives(text: string): { text: string; starts: number[]; kinds: string[] } {
  const starts: number[] = [];
  const kinds: string[] = [];
  const re = /(?:^|\n)[ \t]*#/g;
  const out: string[] = [];
  let copied = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length - 1;
    let end = text.indexOf('\n', start);
    while (end > 0 && text.charCodeAt(end - 1) === 92) end = text.indexOf('\n', end + 1);
    if (end < 0) end = text.length;
    const kind = referenceLineMarker(text, start, end) ? 'line-marker' : /^#\s*pragma\b/.test(text.slice(start, Math.min(end, start + 32))) ? 'pragma' : 'other';
    out.push(text.slice(copied, start), text.slice(start, end).replace(/[^\n\r]/g, ' '));
    copied = end;
    starts.push(start);
    kinds.push(kind);
    re.lastIndex = end;
  }
  out.push(text.slice(copied));
  return { text: out.join(''), starts, kinds };
}

const DIRECTIVE_TEXTS = [
  '# 1 "a.c"\nint a;\n',
  '#pragma once\nint a = 1; # not a directive\n',
  'char *s = "#x";\n  \t# 3 "b.c" 2\nint b;',
  'int a;\n#define LONG \\\n  continued \\\n  more\nint b;\n',
  'int a;\r\n# 2 "w.c"\r\n#pragma pack(1)\r\nint c;\r\n',
  '#\n##\n# #\nint d; #\n',
  '# 1 "end.c"',
  'no directives at all\n',
  'x#y\n  #  pragma GCC diagnostic push\n\t#\tpragma weak f\n',
  '#define A \\',
  '\n\n#\n',
  'char *s = "\u00e9\u00ff";\n# 1 "caf\u00e9.c"\nint x;\n', // latin1 beyond ASCII: the byte-copy path
  'int \u4e2d;\n# 1 "a.c"\nchar *s = "\u00e9\u4e2d";\n#pragma x\n', // not latin1 (a JS string from elsewhere): the slice path
];

describe('directive blanking: indexOf scan = line-anchored regex reference', () => {
  test.each(DIRECTIVE_TEXTS.map((t) => [JSON.stringify(t), t]))('%s', (_, text) => {
    const got = blankDirectives(text);
    const want = referenceDirectives(text);
    expect(got.text).toBe(want.text);
    expect(got.blanked.map((b) => b.start)).toEqual(want.starts);
    expect(got.blanked.map((b) => b.kind)).toEqual(want.kinds);
    expect(got.blanked.map((b) => b.text)).toEqual(want.starts.map((s, k) => text.slice(s, got.blanked[k].end)));
  });
});

describe('sanitizer word lookup: only the exact special words are acted on', () => {
  // Words the sanitizer changes; each with a character added or removed must be left alone.
  const changed = ['__attribute__((x))', '__extension__', '_Pragma("x")', 'int v __asm__("s");', '__signed__', '__const', '__inline', 'typeof(v)'];
  test.each(changed)('%s is changed', (src) => {
    expect(sanitize(src).parseText).not.toBe(src);
  });

  const words = ['__attribute__', '__attribute', '__extension__', '_Pragma', 'asm', '__asm__', '__asm', 'goto', 'case', ...gnuRewriteWords()];
  const near = words.flatMap((w) => [`${w}x`, `x${w}`, w.slice(0, -1), `${w}_`, w.toUpperCase() === w ? `${w}z` : w.toUpperCase()]);
  test('near misses are ordinary identifiers', () => {
    for (const w of near) {
      const src = `int ${w}(int a);\nint ${w}_v = ${w}(1);\n`;
      expect(sanitize(src).parseText, w).toBe(src);
      expect(sanitize(src).blanked, w).toEqual([]);
    }
  });

  test('non-latin1 code units in the text do not break the scan', () => {
    const src = 'int a\u0101b;\nint \u4e2d = 1; __extension__ int c;\n';
    const r = sanitize(src);
    expect(r.parseText).toBe(src.replace('__extension__', ' '.repeat(13)));
  });
});

describe('lazy parts of the unit equal what eager code computes', () => {
  const text = ['# 1 "m.c"', 'static int f(int a) { return a; }', '# 1 "h.h" 1', 'static inline int g(void) { return 1; }', '# 3 "m.c" 2', '', 'int h(void)', '{ return 2; }', ''].join('\n');

  test('function locations are the line map\'s', () => {
    const unit = parseTranslationUnit('m.c', text);
    expect(unit.functions.map((f) => f.name)).toEqual(['f', 'g', 'h']);
    for (const f of unit.functions) {
      const declarator = f.node.childForFieldName('declarator');
      expect(f.location).toEqual(unit.lineMap.locate(declarator!.startIndex));
      expect(f.location).toBe(f.location); // computed once
    }
    expect(unit.functions.map((f) => [f.location.file, f.location.line])).toEqual([['m.c', 1], ['h.h', 1], ['m.c', 4]]);
  });

  test('only benign MISSING nodes (unnamed bit-fields) mean no error region, also inside bodies', () => {
    const src = 'struct s { unsigned a:3; unsigned :5; int b; };\nint f(void) { return sizeof(struct { int:(-!!(0)); }); }\n';
    const unit = parseTranslationUnit('b.c', src);
    expect(unit.tree.rootNode.hasError).toBe(true); // the MISSING field names
    expect(unit.errors).toEqual([]);
    expect(unit.functions.map((f) => [f.name, f.hasParseError])).toEqual([['f', false]]);
  });

  test('a real error after benign ones is still contained', () => {
    const src = 'struct s { unsigned :5; int b; };\nint f(void) { return 1 +; }\nint g(void) { return 2; }\n';
    const unit = parseTranslationUnit('e.c', src);
    expect(unit.errors).toHaveLength(1);
    expect(src.slice(unit.errors[0].start, unit.errors[0].end)).toContain('int f(void)');
    expect(unit.functions.map((f) => [f.name, f.hasParseError])).toEqual([['f', true], ['g', false]]);
  });
});
