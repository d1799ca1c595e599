// The sanitizer on its own: what it blanks or respells, what it leaves alone,
// and the top-level boundaries it reports for error containment.
import { describe, expect, test } from 'vitest';
import { sanitize } from '../../compiler/frontend/sanitize.js';

interface Case {
  name: string;
  src: string;
  /** Expected parse text (same length as src). */
  want: string;
  kinds: string[];
}

const CASES: Case[] = [
  { name: 'line marker and pragma lines', src: '# 1 "a.c"\n#pragma pack(1)\nint a;', want: '         \n               \nint a;', kinds: ['line-marker', 'pragma'] },
  { name: 'indented directive', src: 'int a;\n  # 3 "b.h" 1\nint b;', want: 'int a;\n             \nint b;', kinds: ['line-marker'] },
  { name: 'other directive', src: '#ident "x"\nint a;', want: '          \nint a;', kinds: ['other'] },
  { name: '_Pragma operator', src: 'void f(void) { _Pragma("omp parallel") }', want: 'void f(void) { ' + ' '.repeat(23) + ' }', kinds: ['pragma'] },
  { name: 'attribute group over lines', src: 'int x __attribute__((a,\n b));', want: 'int x ' + ' '.repeat(17) + '\n' + ' '.repeat(4) + ';', kinds: ['attribute'] },
  { name: '__extension__', src: '__extension__ long long x;', want: '              long long x;', kinds: ['extension'] },
  { name: 'asm label after declarator', src: 'int x __asm__("y");', want: 'int x             ;', kinds: ['asm-label'] },
  { name: 'asm label after function declarator', src: 'int f(void) asm("g");', want: 'int f(void)         ;', kinds: ['asm-label'] },
  { name: 'asm statement is not a label', src: 'void f(int x) { if (x) asm("nop"); }', want: 'void f(int x) { if (x) asm("nop"); }', kinds: [] },
  { name: 'register variable asm label', src: 'void f(void) { register int r asm("eax") = 0; }', want: 'void f(void) { register int r            = 0; }', kinds: ['asm-label'] },
  { name: 'respelled qualifiers', src: '__signed__ __const __volatile__ x;', want: 'signed     const   volatile     x;', kinds: ['qualifier', 'qualifier', 'qualifier'] },
  { name: 'typeof becomes a type name', src: 'typeof(a + b) c;', want: '__typeof_____ c;', kinds: ['other'] },
  { name: 'multi-line typeof keeps line breaks', src: '__typeof__(a +\n b) c;', want: '__typeof______\n    c;', kinds: ['other'] },
  { name: 'va_arg type argument', src: 'x = __builtin_va_arg(ap, unsigned long);', want: 'x = __builtin_va_arg(ap, __type_______);', kinds: ['other'] },
  { name: '_Atomic specifier', src: '_Atomic(int) a;', want: '_Atomic int  a;', kinds: ['other', 'other'] },
  { name: 'stray member semicolon', src: 'struct s { int a;; };', want: 'struct s { int a;  };', kinds: ['other'] },
  { name: 'for(;;) keeps its semicolons', src: 'void f(void) { for (;;) ; }', want: 'void f(void) { for (;;) ; }', kinds: [] },
  { name: 'asm operand string concatenation', src: 'asm("x" : "=" "r" (a));', want: 'asm("x" : ""' + ' '.repeat(6) + '(a));', kinds: ['other'] },
  { name: 'imaginary constant', src: 'z = 2.5fi;', want: 'z = 2.5f ;', kinds: ['other'] },
  { name: 'literals and comments untouched', src: 'char *s = "typeof(x) __extension__"; /* __attribute__((x)) */ char c = \'"\';', want: 'char *s = "typeof(x) __extension__"; /* __attribute__((x)) */ char c = \'"\';', kinds: [] },
];

describe('sanitize', () => {
  test.each(CASES)('$name', ({ src, want, kinds }) => {
    const r = sanitize(src);
    expect(r.parseText).toBe(want);
    expect(r.blanked.map((b) => b.kind)).toEqual(kinds);
    for (const b of r.blanked) expect(b.text).toBe(src.slice(b.start, b.end));
  });

  test('line markers are collected in order', () => {
    const r = sanitize('# 1 "a.c"\n# 1 "b.h" 1 3\nint x;\n# 2 "a.c" 2\n');
    expect(r.markers.map((m) => [m.file, m.line, m.flags])).toEqual([
      ['a.c', 1, []],
      ['b.h', 1, [1, 3]],
      ['a.c', 2, [2]],
    ]);
  });

  test('boundaries: after top-level `;` and function bodies, not after struct bodies with declarators', () => {
    const src = 'int a;\nstruct s { int x; } v;\nint f(void) { return 0; }\nint g;';
    const r = sanitize(src);
    expect(r.boundaries.map((b) => src.slice(0, b).split('\n').pop())).toEqual(['int a;', 'struct s { int x; } v;', 'int f(void) { return 0; }', 'int g;']);
  });
});

test.each([
  ['after else', 'void f(int x) { if (x) x++; else asm("nop"); }'],
  ['after do', 'void f(void) { do asm("nop"); while (0); }'],
  ['after a label', 'void f(void) { l: asm("nop"); goto l; }'],
])('asm statement %s is kept', (_, src) => {
  expect(sanitize(src).parseText).toBe(src);
});
