// The table of GNU C constructs a driver may contain. For each: what plain
// tree-sitter-c 0.24 does with it (found empirically, asserted so a grammar
// upgrade shows which rewrites became unnecessary), that our front end parses
// it without error, that blanking keeps every offset and line break, and the
// tree shape the rewrite is meant to give.
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';
import { describe, expect, test } from 'vitest';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';

interface Construct {
  name: string;
  src: string;
  /** Does plain tree-sitter-c parse it without ERROR/MISSING? */
  raw: 'ok' | 'error';
  /** Node types that must appear in our tree (the intended shape). */
  shape?: string[];
  /** Kinds of blanked entries expected. */
  blanked?: string[];
}

const CONSTRUCTS: Construct[] = [
  { name: '__signed__', src: 'typedef __signed__ char s8;', raw: 'error', shape: ['sized_type_specifier'], blanked: ['qualifier'] },
  { name: '__inline storage class', src: 'static __inline int f(void) { return 0; }', raw: 'ok', shape: ['storage_class_specifier'] },
  { name: '__inline__ storage class', src: 'static __inline__ int f(void) { return 0; }', raw: 'ok', shape: ['function_definition'] },
  { name: '__restrict after *', src: 'void f(char *__restrict p, int a[__restrict]);', raw: 'ok' },
  { name: '__restrict__', src: 'void f(char *__restrict__ p);', raw: 'ok' },
  { name: '__volatile__ qualifier', src: 'int __volatile__ x;', raw: 'error', shape: ['type_qualifier'], blanked: ['qualifier'] },
  { name: '__volatile qualifier', src: 'int __volatile x;', raw: 'error', shape: ['type_qualifier'] },
  { name: '__const', src: 'int f(__const char *p);', raw: 'error', shape: ['type_qualifier'] },
  { name: 'typeof declaration', src: 'void f(int x) { typeof(x) y = x; __typeof__(x) *p = &y; }', raw: 'ok', shape: ['type_identifier', 'pointer_declarator'], blanked: ['other'] },
  { name: 'typeof of an expression', src: 'struct s { int m; }; void f(void) { const typeof(((struct s *)0)->m) *p = 0; (void)p; }', raw: 'error', shape: ['pointer_declarator'] },
  { name: 'typeof in cast and sizeof', src: 'void f(int x) { long z = (typeof(x))3; z = sizeof(typeof(x)); }', raw: 'ok', shape: ['cast_expression', 'sizeof_expression'] },
  { name: 'typeof at file scope', src: 'extern int q; typeof(q) r; __typeof(q) *rp;', raw: 'ok', shape: ['declaration'] },
  { name: 'asm volatile statement', src: 'void f(void) { __asm__ __volatile__("nop" ::: "memory"); asm volatile("nop"); }', raw: 'ok', shape: ['gnu_asm_expression'] },
  { name: 'asm goto', src: 'int f(void) { asm goto("jmp %l0" :::: out); return 0; out: return 1; }', raw: 'ok', shape: ['gnu_asm_goto_list'] },
  { name: 'asm inline', src: 'void f(void) { asm inline("nop"); }', raw: 'ok', shape: ['gnu_asm_qualifier'] },
  { name: 'asm __inline (kernel asm_inline)', src: 'void f(void) { asm __inline volatile("nop"); }', raw: 'error', shape: ['gnu_asm_expression'] },
  { name: 'asm concatenated constraint', src: 'int f(int x) { int c; asm("bt %1" : "=@cc" "c" (c) : "r" (x)); return c; }', raw: 'error', shape: ['gnu_asm_output_operand'] },
  { name: 'asm label on declarations', src: 'extern int x asm("y"); int g(void) __asm__("h"); int z __asm("w") = 1;', raw: 'error', blanked: ['asm-label'] },
  { name: '__alignof__ of a type', src: 'int a = __alignof__(int);', raw: 'ok', shape: ['alignof_expression'] },
  { name: '__alignof__ of an expression', src: 'struct t { long c[2]; }; unsigned f(struct t *p) { return __alignof__(p->c) + _Alignof(p->c[0]); }', raw: 'error', shape: ['sizeof_expression'], blanked: ['other'] },
  { name: '__label__', src: 'void f(void) { __label__ l; goto l; l: ; }', raw: 'ok' },
  { name: '__int128', src: 'unsigned __int128 x; __int128 y; signed __int128 z;', raw: 'ok' },
  { name: '_Float128 and friends', src: '_Float128 a; _Float64x b; _Float32 c; __float128 d;', raw: 'ok' },
  { name: '__auto_type', src: 'void f(void) { __auto_type x = 5; (void)x; }', raw: 'ok' },
  { name: '__builtin_va_arg', src: 'void f(__builtin_va_list ap) { int x = __builtin_va_arg(ap, int); char *s = __builtin_va_arg(ap, char *); }', raw: 'error', shape: ['call_expression'] },
  { name: '__builtin_offsetof', src: 'struct s { int a; int b[3]; }; int o = __builtin_offsetof(struct s, b); int o2 = __builtin_offsetof(struct s, b[1]);', raw: 'error', shape: ['call_expression'] },
  { name: '__builtin_types_compatible_p', src: 'int c = __builtin_types_compatible_p(int, long); int d = __builtin_types_compatible_p(typeof(c), int *);', raw: 'error', shape: ['call_expression'] },
  { name: 'case range', src: "int f(int x) { switch (x) { case 1 ... 5: return 1; case 'a' ... 'z': return 2; } return 0; }", raw: 'error', shape: ['case_statement', 'conditional_expression'] },
  { name: 'elvis operator', src: 'int f(int a, int b) { return a ?: b; }', raw: 'ok', shape: ['conditional_expression'] },
  { name: 'label address', src: 'void f(void) { void *p = &&l; (void)p; l: ; }', raw: 'ok', shape: ['pointer_expression'] },
  { name: 'computed goto', src: 'void f(void *p, void **t, int i) { goto *p; goto *t[i]; }', raw: 'error', shape: ['goto_statement'] },
  { name: 'statement expression', src: 'int f(void) { return ({ int a = 1; a; }); }', raw: 'ok', shape: ['compound_statement'] },
  { name: '_Generic', src: 'int f(double x) { return _Generic(x, int: 1, double: 2, default: 0); }', raw: 'ok', shape: ['generic_expression'] },
  { name: 'designated range initialiser', src: 'int a[10] = { [0 ... 3] = 1, [5] = 2 };', raw: 'ok', shape: ['subscript_range_designator'] },
  { name: 'designated struct initialiser', src: 'struct ops { int (*open)(void); }; static int o(void) { return 0; } const struct ops ops = { .open = o, };', raw: 'ok', shape: ['field_designator'] },
  { name: 'compound literal', src: 'struct p { int x, y; }; struct p *q = &(struct p){ .x = 1 };', raw: 'ok', shape: ['compound_literal_expression'] },
  { name: 'flexible array member', src: 'struct b { int n; char data[]; };', raw: 'ok', shape: ['array_declarator'] },
  { name: 'bit-fields', src: 'struct b { unsigned a:3, c:1; int :0; unsigned :4; };', raw: 'error', shape: ['bitfield_clause'] },
  { name: 'static inline header function', src: '# 1 "x.h" 1 3\nstatic inline __attribute__((always_inline)) int h(int a) { return a; }\n# 2 "x.c" 2\n', raw: 'ok', shape: ['function_definition'] },
  { name: '_Static_assert', src: '_Static_assert(sizeof(int) == 4, "int"); void f(void) { _Static_assert(1, "in a block"); }', raw: 'ok' },
  { name: '_Static_assert as a struct member', src: 'struct s { int a; _Static_assert(sizeof(int) == 4, "m"); static_assert(1, "n"); int b; };', raw: 'error', blanked: ['other'] },
  { name: '__seg_gs address space', src: 'int __seg_gs *p; int __seg_fs q;', raw: 'error', blanked: ['qualifier'] },
  { name: '__extension__', src: '__extension__ typedef long long ll; void f(void) { long long x = __extension__ 1LL; (void)x; }', raw: 'ok', blanked: ['extension'] },
  { name: '_Complex and __real__/__imag__', src: 'double _Complex z; __complex__ double w; float f(float _Complex q) { return __real__ q + __imag__ q; }', raw: 'error' },
  { name: 'imaginary constant', src: 'double _Complex z = 1.0i + 2.0iF;', raw: 'error' },
  { name: '_Atomic(T) specifier', src: '_Atomic(int) a; _Atomic int b; _Atomic(struct s *) c;', raw: 'error', shape: ['type_qualifier'] },
  { name: '_Thread_local and __thread', src: '_Thread_local int t; __thread int u;', raw: 'error', shape: ['storage_class_specifier'] },
  { name: '_Noreturn', src: '_Noreturn void die(void);', raw: 'ok' },
  { name: '_Alignas', src: '_Alignas(16) char buf[16];', raw: 'ok', shape: ['alignas_qualifier'] },
  { name: 'nested function', src: 'int f(void) { int g(int x) { return x; } return g(1); }', raw: 'ok' },
  { name: 'attribute after struct', src: 'struct s { int a; } __attribute__((packed));', raw: 'ok', blanked: ['attribute'] },
  { name: 'attribute on label', src: 'void f(void) { goto l; l: __attribute__((unused)); }', raw: 'error' },
  { name: 'attribute after *', src: 'int * __attribute__((aligned(8))) p;', raw: 'error', shape: ['pointer_declarator'] },
  { name: 'attribute before =', src: 'int x __attribute__((unused)) = 3;', raw: 'error', shape: ['init_declarator'] },
  { name: 'attribute statement', src: 'void f(int x) { switch (x) { case 1: x++; __attribute__((fallthrough)); default: ; } }', raw: 'error' },
  { name: 'attribute on parameter', src: 'void f(int x __attribute__((unused)), void (*cb)(int) __attribute__((nonnull)));', raw: 'ok' },
  { name: 'empty member declaration', src: 'struct s { void *lock; ; };', raw: 'error', shape: ['field_declaration'] },
  { name: 'line markers and pragmas', src: '# 1 "a.c"\n# 1 "<built-in>"\n#pragma GCC visibility push(default)\nint a;\n# 5 "a.c" 2\nvoid f(void) { _Pragma("GCC diagnostic push") }\n', raw: 'error', blanked: ['line-marker', 'pragma'] },
  { name: 'VLA parameter', src: 'void f(int n, int a[n][n]) { int b[n]; (void)b; }', raw: 'ok' },
  { name: '__builtin_choose_expr', src: 'int x = __builtin_choose_expr(1, 2, 3);', raw: 'ok' },
  { name: 'K&R definition', src: 'int f(a, b) int a; char *b; { return a + *b; }', raw: 'ok' },
  { name: 'function returning function pointer', src: 'void (*signal(int sig, void (*func)(int)))(int);', raw: 'ok' },
  { name: 'GNU old-style designator', src: 'struct pt { int x, y; } p = { x: 1, y: 2 };', raw: 'ok' },
  { name: 'empty struct', src: 'struct e {};', raw: 'ok' },
  { name: 'array parameter static', src: 'void f(int a[static 4]);', raw: 'ok' },
];

const rawParser = new Parser();
rawParser.setLanguage(C as unknown as Parser.Language);

function typesIn(node: Parser.SyntaxNode, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const c of node.namedChildren) typesIn(c, out);
  return out;
}

/** Offsets of every line break: blanking must keep them all. */
function newlineOffsets(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) out.push(i);
  return out;
}

describe('GNU constructs', () => {
  test.each(CONSTRUCTS)('$name', (c) => {
    expect(rawParser.parse(c.src).rootNode.hasError ? 'error' : 'ok').toBe(c.raw);
    const unit = parseTranslationUnit('x.c', c.src);
    expect(unit.errors).toEqual([]);
    expect(unit.parseText.length).toBe(c.src.length);
    expect(newlineOffsets(unit.parseText)).toEqual(newlineOffsets(c.src));
    // Every byte that differs lies in a recorded blanked entry with the original text.
    for (let i = 0; i < c.src.length; i++) {
      if (unit.parseText[i] === c.src[i]) continue;
      const b = unit.blanked.find((x) => x.start <= i && i < x.end);
      expect(b, `changed byte ${i} (${JSON.stringify(c.src[i])}) not recorded`).toBeDefined();
      expect(b!.text).toBe(c.src.slice(b!.start, b!.end));
    }
    const types = typesIn(unit.tree.rootNode);
    for (const t of c.shape ?? []) expect(types, `node type ${t}`).toContain(t);
    const kinds = new Set(unit.blanked.map((b) => b.kind));
    for (const k of c.blanked ?? []) expect(kinds).toContain(k);
  });

  test('blanked entries are sorted and do not overlap', () => {
    for (const c of CONSTRUCTS) {
      const unit = parseTranslationUnit('x.c', c.src);
      for (let k = 1; k < unit.blanked.length; k++) expect(unit.blanked[k].start).toBeGreaterThanOrEqual(unit.blanked[k - 1].end);
    }
  });

  test('GNU spellings inside string and character literals are left alone', () => {
    const src = 'const char *s = "__attribute__((x)) typeof(y) __signed__ asm(\\"z\\")"; char c = \'_\';';
    const unit = parseTranslationUnit('x.c', src);
    expect(unit.parseText).toBe(src);
    expect(unit.blanked).toEqual([]);
  });

  test('computed goto keeps a goto with a placeholder label; case ranges keep one case', () => {
    const src = 'void f(void **t, int i) { switch (i) { case 1 ... 3: goto *t[i]; } }';
    const unit = parseTranslationUnit('x.c', src);
    const gotoNode = unit.tree.rootNode.descendantsOfType('goto_statement')[0];
    expect(gotoNode.text).toMatch(/^goto __\w+;$/);
    expect(unit.tree.rootNode.descendantsOfType('case_statement')).toHaveLength(1);
    const other = unit.blanked.filter((b) => b.kind === 'other').map((b) => b.text);
    expect(other).toEqual(['...', '*t[i]']);
  });
});
