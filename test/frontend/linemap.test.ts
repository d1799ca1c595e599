// The line map: byte offsets of preprocessed text back to file/line/column.
import { describe, expect, test } from 'vitest';
import { parseLineMarker } from '../../compiler/frontend/linemap.js';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';

const PREPROCESSED = [
  '# 0 "drv.c"', // 0
  '# 0 "<built-in>"',
  '# 0 "<command-line>"',
  '# 1 "drv.c"',
  '# 1 "/usr/include/stdint.h" 1 3 4',
  'typedef unsigned int u32;', // stdint.h:1
  '',
  'typedef unsigned long u64;', // stdint.h:3
  '# 2 "drv.c" 2',
  'int a;', // drv.c:2
  '# 10 "drv.h" 1',
  'int  b;', // drv.h:10
  '# 4 "drv.c" 2',
  '',
  'int c;', // drv.c:5
  '# 20 "sp ace\\"q.c"',
  'int d;', // sp ace"q.c:20
].join('\n');

function offsetOf(s: string, needle: string, extra = 0): number {
  const i = PREPROCESSED.indexOf(needle);
  if (i < 0) throw new Error(`no ${needle} in ${s}`);
  return i + extra;
}

describe('line map', () => {
  const unit = parseTranslationUnit('fallback.c', PREPROCESSED);
  const map = unit.lineMap;

  test('main file is the first marker\'s file', () => {
    expect(map.mainFile).toBe('drv.c');
  });

  test.each([
    ['typedef unsigned int', 0, { file: '/usr/include/stdint.h', line: 1, column: 1 }, false, true],
    ['u64;', 0, { file: '/usr/include/stdint.h', line: 3, column: 23 }, false, true],
    ['int a;', 4, { file: 'drv.c', line: 2, column: 5 }, true, false],
    ['int  b;', 5, { file: 'drv.h', line: 10, column: 6 }, false, false],
    ['int c;', 0, { file: 'drv.c', line: 5, column: 1 }, true, false],
    ['int d;', 4, { file: 'sp ace"q.c', line: 20, column: 5 }, false, false],
  ])('%s (+%i)', (needle, extra, loc, main, system) => {
    const off = offsetOf(PREPROCESSED, needle, extra);
    expect(map.locate(off)).toEqual(loc);
    expect(map.isMainFile(off)).toBe(main);
    expect(map.isSystemHeader(off)).toBe(system);
  });

  test('text without markers maps to the fallback file, 1-based', () => {
    const plain = parseTranslationUnit('plain.c', 'int a;\n  int b;\n');
    expect(plain.lineMap.mainFile).toBe('plain.c');
    expect(plain.lineMap.locate(plain.text.indexOf('b'))).toEqual({ file: 'plain.c', line: 2, column: 7 });
    expect(plain.lineMap.isMainFile(0)).toBe(true);
  });

  test.each([
    ['# 12 "f.c" 1 3 4', { line: 12, file: 'f.c', flags: [1, 3, 4] }],
    ['#line 7 "g.c"', { line: 7, file: 'g.c', flags: [] }],
    ['# 3', { line: 3, file: '', flags: [] }],
    ['# 9 "a\\\\b.c" 2', { line: 9, file: 'a\\b.c', flags: [2] }],
  ])('parses marker %s', (line, want) => {
    expect(parseLineMarker(line, 0, line.length)).toMatchObject(want);
  });

  test.each(['#pragma once', '# define X', '#12 "f.c"x'])('rejects non-marker %s', (line) => {
    expect(parseLineMarker(line, 0, line.length)).toBeUndefined();
  });

  test('lookups are fast on a large map', () => {
    const lines: string[] = ['# 1 "big.c"'];
    for (let i = 0; i < 20000; i++) lines.push(i % 100 === 0 ? `# ${i} "h${i % 7}.h" 1` : `int v${i};`);
    const big = lines.join('\n');
    const u = parseTranslationUnit('big.c', big);
    const t0 = performance.now();
    let sum = 0;
    for (let k = 0; k < 200000; k++) sum += u.lineMap.locate((k * 7919) % big.length).line;
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

test('CRLF line endings: markers still recognised', () => {
  const text = '# 1 "w.c"\r\n# 7 "w.h" 1\r\nint a;\r\n# 2 "w.c" 2\r\nint b;\r\n';
  const unit = parseTranslationUnit('w.c', text);
  expect(unit.errors).toEqual([]);
  expect(unit.lineMap.locate(text.indexOf('int a')).file).toBe('w.h');
  expect(unit.lineMap.locate(text.indexOf('int a')).line).toBe(7);
  expect(unit.lineMap.locate(text.indexOf('int b'))).toEqual({ file: 'w.c', line: 2, column: 1 });
});
