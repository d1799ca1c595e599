import { describe, expect, it } from 'vitest';
import { EditConflictError, EditSet } from '../../compiler/emit/edits.js';
import { applyEdits, escapeFileName } from '../../compiler/emit/emit.js';
import type { LineMap, SourceLocation } from '../../compiler/frontend/unit.js';

/** A line map for text with no line markers: every offset is in "t.c" at its own line and column. */
function plainLineMap(text: string): LineMap {
  return {
    mainFile: 't.c',
    locate(offset: number): SourceLocation {
      let line = 1;
      let lineStart = 0;
      for (let i = 0; i < offset; i++) {
        if (text.charCodeAt(i) === 10) {
          line++;
          lineStart = i + 1;
        }
      }
      return { file: 't.c', line, column: offset - lineStart + 1 };
    },
    isMainFile: () => true,
    isSystemHeader: () => false,
  };
}

const src = 'int a;\nint f(int x) {\n  return x;\n}\n';

describe('applyEdits', () => {
  const cases: { name: string; edit: (e: EditSet) => void; expected: string }[] = [
    { name: 'no edits: byte-identical', edit: () => {}, expected: src },
    {
      name: 'single-line insertion needs no line marker',
      edit: (e) => e.insert(src.indexOf('x;'), 'CHECK(x), ', 't'),
      expected: 'int a;\nint f(int x) {\n  return CHECK(x), x;\n}\n',
    },
    {
      name: 'replacement keeps the rest untouched',
      edit: (e) => e.replace(src.indexOf('x;'), src.indexOf('x;') + 1, 'x + 1', 't'),
      expected: 'int a;\nint f(int x) {\n  return x + 1;\n}\n',
    },
    {
      name: 'multi-line insertion is followed by a marker that restores line and column',
      edit: (e) => e.insert(src.indexOf('return'), 'int y = 0;\n  (void)y;\n  ', 't'),
      expected: 'int a;\nint f(int x) {\n  int y = 0;\n  (void)y;\n  \n# 3 "t.c"\n  return x;\n}\n',
    },
    {
      name: 'insertions at one offset keep priority order and resync once',
      edit: (e) => {
        e.insert(src.length, '/* b */\n', 't', 2);
        e.insert(src.length, '/* a */\n', 't', 1);
      },
      expected: src + '/* a */\n/* b */\n# 5 "t.c"\n',
    },
    {
      name: 'replacing a multi-line range with one line resyncs',
      edit: (e) => e.replace(src.indexOf('{'), src.lastIndexOf('}') + 1, '{ return 0; }', 't'),
      expected: 'int a;\nint f(int x) { return 0; }\n# 4 "t.c"\n \n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const edits = new EditSet();
      c.edit(edits);
      expect(applyEdits(src, edits, plainLineMap(src))).toBe(c.expected);
    });
  }

  it('rejects overlapping replacements from two passes', () => {
    const edits = new EditSet();
    edits.replace(0, 5, 'x', 'one');
    edits.replace(3, 8, 'y', 'two');
    expect(() => applyEdits(src, edits, plainLineMap(src))).toThrow(EditConflictError);
  });

  it('escapes file names like cpp', () => {
    expect(escapeFileName('a"b\\c.c')).toBe('a\\"b\\\\c.c');
  });
});
