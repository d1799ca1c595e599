// Error containment: a declaration tree-sitter cannot parse costs only itself,
// is reported gcc-style, and is passed through byte-identical.
import { describe, expect, test } from 'vitest';
import { EditSet } from '../../compiler/emit/edits.js';
import { applyEdits } from '../../compiler/emit/emit.js';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';

interface Case {
  name: string;
  lines: string[]; // one declaration per line; `bad` lists the 1-based lines that must be error regions
  bad: number[];
}

const CASES: Case[] = [
  {
    name: 'bad expressions in function bodies',
    lines: ['int good1(void) { return 1; }', 'int bad1(void) { return 1 +; }', 'struct s { int a; };', 'int bad2(int x) { return x @ 2; }', 'int good3(void) { return 3; }'],
    bad: [2, 4],
  },
  {
    name: 'unbalanced parenthesis does not swallow what follows',
    lines: ['int bad(void) { if (1 { return 2; } }', 'int good1(void) { return 1; }', 'int good2(void) { return 2; }'],
    bad: [1],
  },
  {
    name: 'garbage at file scope',
    lines: ['int good0(void) { return 0; }', '@@@ $$$ ;', 'int good1(void) { return 1; }'],
    bad: [2],
  },
  {
    name: 'many bad declarations',
    lines: Array.from({ length: 60 }, (_, i) => (i % 3 === 1 ? `int f${i}(void) { return ) ; }` : `int f${i}(void) { return ${i}; }`)),
    bad: Array.from({ length: 60 }, (_, i) => i + 1).filter((l) => (l - 1) % 3 === 1),
  },
];

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

describe('error containment', () => {
  test.each(CASES)('$name', ({ lines, bad }) => {
    const text = lines.join('\n') + '\n';
    const unit = parseTranslationUnit('c.c', text);
    expect(unit.errors.map((e) => e.location.line)).toEqual(bad);
    for (const e of unit.errors) {
      expect(e.location.file).toBe('c.c');
      expect(e.message).toMatch(/passed through unchanged/);
      // Regions cover whole declarations: they start and end between lines.
      const body = text.slice(e.start, e.end).trim();
      expect(lines).toContain(body);
      expect(lineOf(text, e.start + text.slice(e.start).search(/\S/))).toBe(e.location.line);
    }
    const functionNames = lines.map((l) => /^int (\w+)\(/.exec(l)?.[1]).filter((n): n is string => n !== undefined);
    expect(unit.functions.map((f) => f.name)).toEqual(functionNames);
    for (const f of unit.functions) expect(f.hasParseError).toBe(bad.includes(f.location.line));
    // The tree outside the regions is error-free, and the emitter copies the text.
    expect(unit.tree.rootNode.hasError).toBe(false);
    expect(applyEdits(text, new EditSet(), unit.lineMap)).toBe(text);
  });

  test('an unterminated function at end of file is one region', () => {
    const text = 'int ok(void) { return 0; }\nint cut(void) { if (x) { return 1;\n';
    const unit = parseTranslationUnit('c.c', text);
    expect(unit.errors).toHaveLength(1);
    expect(unit.errors[0].location.line).toBe(2);
    expect(unit.functions.map((f) => [f.name, f.hasParseError])).toEqual([
      ['ok', false],
      ['cut', true],
    ]);
  });

  test('a unit tree-sitter gives up on as a whole (file cut off inside a declaration) is still reported', () => {
    const text = 'typedef long int mask_t;\ntypedef struct\n  {\n    mask_t bits[1024 / (8 * (int) sizeof (mask';
    const unit = parseTranslationUnit('cut.c', text);
    expect(unit.tree.rootNode.hasError).toBe(true);
    expect(unit.errors.length).toBeGreaterThan(0);
    expect(applyEdits(text, new EditSet(), unit.lineMap)).toBe(text);
  });

  test('errors in headers are located in the header', () => {
    const text = '# 1 "m.c"\n# 1 "h.h" 1\nint broken(void) { return ] ; }\n# 2 "m.c" 2\nint fine(void) { return 0; }\n';
    const unit = parseTranslationUnit('m.c', text);
    expect(unit.errors.map((e) => [e.location.file, e.location.line])).toEqual([['h.h', 1]]);
    expect(unit.functions.map((f) => [f.name, f.inMainFile, f.hasParseError])).toEqual([
      ['broken', false, true],
      ['fine', true, false],
    ]);
  });
});

test('an unbalanced { costs only its own function when kernel-style closing braces follow', () => {
  const text = [
    'int a(void)',
    '{',
    '\tif (1) {',
    '\t\treturn 1;',
    '}',
    'int b(void)',
    '{',
    '\treturn 2;',
    '}',
    'int c(void)',
    '{',
    '\treturn 3;',
    '}',
    '',
  ].join('\n');
  const unit = parseTranslationUnit('u.c', text);
  expect(unit.functions.map((f) => [f.name, f.hasParseError])).toEqual([
    ['a', true],
    ['b', false],
    ['c', false],
  ]);
});
