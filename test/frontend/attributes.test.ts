// Attribute groups: how they are split into Attribute entries, and which
// symbol (declaration, declarator, pointer level, field, parameter, record)
// each one is attached to, by position.
import { describe, expect, test } from 'vitest';
import { normaliseAttributeName } from '../../compiler/frontend/attributes.js';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import type { SymbolTable } from '../../compiler/frontend/symbols.js';
import type { Attribute } from '../../compiler/frontend/unit.js';

const names = (attrs: readonly Attribute[] | undefined): string[] => (attrs ?? []).map((a) => (a.args ? `${a.name}(${a.args})` : a.name));

describe('attribute splitting', () => {
  test.each([
    ['__packed__', 'packed'],
    ['__counted_by', 'counted_by'],
    ['fgft_count', 'fgft_count'],
    ['aligned__', 'aligned'],
  ])('normalises %s to %s', (raw, want) => {
    expect(normaliseAttributeName(raw)).toBe(want);
  });

  test('splits a group into entries with args and argsStart', () => {
    const src = 'int x __attribute__((__aligned__(8), unused, section(".d,x"), fgft_count( n + 1 )));';
    const unit = parseTranslationUnit('x.c', src);
    expect(unit.attributes.map((a) => [a.name, a.args])).toEqual([
      ['aligned', '8'],
      ['unused', ''],
      ['section', '".d,x"'],
      ['fgft_count', ' n + 1 '],
    ]);
    const groupStart = src.indexOf('__attribute__');
    for (const a of unit.attributes) {
      expect(a.start).toBe(groupStart);
      expect(a.end).toBe(src.lastIndexOf(')') + 1);
      expect(src.slice(a.argsStart, a.argsStart + a.args.length)).toBe(a.args);
    }
    // An attribute without arguments points just after its name.
    const unused = unit.attributes[1];
    expect(src.slice(unused.argsStart - 'unused'.length, unused.argsStart)).toBe('unused');
  });

  test('handles __attribute (single underscore pair), spaces and line breaks', () => {
    const src = 'int y __attribute ( ( deprecated ,\n  visibility ( "hidden" ) ) );';
    const unit = parseTranslationUnit('x.c', src);
    expect(names(unit.attributes)).toEqual(['deprecated', 'visibility( "hidden" )']);
    expect(unit.errors).toEqual([]);
  });

  test('an empty group gives no entries but is still blanked', () => {
    const unit = parseTranslationUnit('x.c', 'int z __attribute__(());');
    expect(unit.attributes).toEqual([]);
    expect(unit.blanked.map((b) => b.kind)).toEqual(['attribute']);
  });
});

interface AttachCase {
  name: string;
  src: string;
  check: (s: SymbolTable) => void;
}

const ATTACH: AttachCase[] = [
  {
    name: 'after a field declarator',
    src: 'struct r { int len; char *buf __attribute__((counted_by(len))); };',
    check: (s) => {
      expect(names(s.struct('r')?.field('buf')?.attributes)).toEqual(['counted_by(len)']);
      expect(names(s.struct('r')?.field('len')?.attributes)).toEqual([]);
    },
  },
  {
    name: 'after * belongs to the pointer level',
    src: 'struct r { int n; char * __attribute__((fgft_count(n))) p; };',
    check: (s) => {
      const p = s.struct('r')?.field('p');
      expect(names(p?.pointerAttributes[0])).toEqual(['fgft_count(n)']);
      expect(names(p?.attributes)).toEqual([]);
    },
  },
  {
    name: 'multi-level pointers keep their levels apart',
    src: 'int * __attribute__((a1)) * __attribute__((a2)) pp;',
    check: (s) => {
      const pp = s.global('pp');
      expect(pp?.pointerDepth).toBe(2);
      expect(pp?.pointerAttributes.map((l) => names(l))).toEqual([['a1'], ['a2']]);
    },
  },
  {
    name: 'before the type applies to every declarator',
    src: '__attribute__((unused)) static int a, b __attribute__((aligned(4)));',
    check: (s) => {
      expect(names(s.global('a')?.attributes)).toEqual(['unused']);
      expect(names(s.global('b')?.attributes)).toEqual(['unused', 'aligned(4)']);
    },
  },
  {
    name: 'between declarator and = belongs to that declarator',
    src: 'int x __attribute__((unused)) = 3, y = 4;',
    check: (s) => {
      expect(names(s.global('x')?.attributes)).toEqual(['unused']);
      expect(names(s.global('y')?.attributes)).toEqual([]);
      expect(s.global('x')?.hasInitializer).toBe(true);
    },
  },
  {
    name: 'on parameters, before and after',
    src: 'void f(__attribute__((unused)) int a, char *buf __attribute__((fgft_count(a))), int);',
    check: (s) => {
      const f = s.function('f');
      expect(f?.parameters.map((p) => [p.name, names(p.attributes)])).toEqual([
        ['a', ['unused']],
        ['buf', ['fgft_count(a)']],
        ['', []],
      ]);
    },
  },
  {
    name: 'on a function declaration and its definition',
    src: 'int g(int) __attribute__((warn_unused_result));\n__attribute__((cold)) int g(int v) { return v; }',
    check: (s) => {
      const g = s.function('g');
      expect(g?.isDefinition).toBe(true);
      expect(names(g?.attributes)).toEqual(['warn_unused_result', 'cold']);
    },
  },
  {
    name: 'after a struct body belongs to the struct, not its declarators',
    src: 'struct __attribute__((aligned(8))) s { char c; } __attribute__((packed)) v __attribute__((unused));',
    check: (s) => {
      expect(names(s.struct('s')?.attributes)).toEqual(['aligned(8)', 'packed']);
      expect(names(s.global('v')?.attributes)).toEqual(['unused']);
    },
  },
  {
    name: 'on a typedef',
    src: 'typedef unsigned long long __attribute__((aligned(8))) u64a;',
    check: (s) => {
      expect(names(s.typedef('u64a')?.attributes)).toEqual(['aligned(8)']);
    },
  },
  {
    name: 'on function-pointer fields',
    src: 'struct ops { int (*open)(void *dev) __attribute__((nonnull)); };',
    check: (s) => {
      const open = s.struct('ops')?.field('open');
      expect(open?.isFunctionPointer).toBe(true);
      expect(names(open?.attributes)).toEqual(['nonnull']);
    },
  },
  {
    name: 'after an array declarator',
    src: 'struct q { unsigned int stats[4] __attribute__((aligned(16))); };',
    check: (s) => {
      const f = s.struct('q')?.field('stats');
      expect(f?.arraySizes).toEqual(['4']);
      expect(names(f?.attributes)).toEqual(['aligned(16)']);
    },
  },
];

describe('attribute attachment', () => {
  test.each(ATTACH)('$name', ({ src, check }) => {
    const unit = parseTranslationUnit('x.c', src);
    expect(unit.errors).toEqual([]);
    check(unit.symbols);
  });
});
