// The symbol table: typedefs, records, enums, functions, globals.
import { describe, expect, test } from 'vitest';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';

const SRC = `
typedef unsigned int u32;
typedef u32 dma_addr_t;
struct e1000_desc { unsigned long long addr; u32 len : 16, cmd : 8; };
typedef struct { int head, tail; struct e1000_desc *ring; } ring_t;
typedef struct e1000_desc desc_t, *desc_p;
typedef union { u32 word; unsigned char bytes[4]; } word_u;
struct adapter {
  ring_t tx;
  union { u32 raw; struct { u32 lo : 16; u32 hi : 16; }; };
  void (*irq)(struct adapter *a, int vec);
  const char *const names[8];
  char **argv;
  struct inner { int x; } in;
  unsigned char mac[2 * 3];
  char tail[];
};
enum reg { CTRL = 0x0000, STATUS = 0x0008, EERD = 0x0014, NEXT, SHIFTED = 1 << 4, CHR = 'A', NEG = -2, DEP = NEXT + 1, UNK = sizeof(int) };
enum { ANON_A, ANON_B };
extern int debug;
static struct adapter *adapters[4], count;
int *make_table(int n, const char *name, ...);
static inline int add(int a, int b) { return a + b; }
void (*signal_like(int sig, void (*fn)(int)))(int);
int noparams(void);
int oldstyle();
`;

describe('symbol table', () => {
  const unit = parseTranslationUnit('sym.c', SRC);
  const s = unit.symbols;

  test('parses without error', () => {
    expect(unit.errors).toEqual([]);
  });

  test('typedefs', () => {
    expect(s.typedef('u32')?.type).toBe('unsigned int');
    expect(s.typedef('dma_addr_t')?.baseType).toBe('u32');
    expect(s.typedef('desc_p')?.pointerDepth).toBe(1);
    expect(s.typedef('desc_t')?.type).toBe('struct e1000_desc');
  });

  test('typedef of an anonymous struct resolves to its record', () => {
    const ring = s.struct('ring_t');
    expect(ring?.tag).toBe('');
    expect(ring?.fields.map((f) => f.name)).toEqual(['head', 'tail', 'ring']);
    expect(s.typedef('ring_t')?.record).toBe(ring);
    expect(s.union('word_u')?.field('bytes')?.arraySizes).toEqual(['4']);
    expect(s.struct('word_u')).toBeUndefined();
    expect(s.struct('desc_t')).toBe(s.struct('e1000_desc'));
    expect(s.struct('desc_p')).toBeUndefined(); // a pointer typedef is not the struct
  });

  test('records: fields, bit-fields, nested and anonymous members', () => {
    const d = s.struct('e1000_desc');
    expect(d?.fields.map((f) => [f.name, f.type, f.bitWidth])).toEqual([
      ['addr', 'unsigned long long', undefined],
      ['len', 'u32', '16'],
      ['cmd', 'u32', '8'],
    ]);
    const a = s.struct('adapter');
    expect(a?.fields.map((f) => f.name)).toEqual(['tx', 'raw', 'lo', 'hi', 'irq', 'names', 'argv', 'in', 'mac', 'tail']);
    expect(a?.field('tx')?.type).toBe('ring_t');
    expect(a?.field('irq')?.isFunctionPointer).toBe(true);
    expect(a?.field('irq')?.type).toBe('void (*)(struct adapter *a, int vec)');
    expect(a?.field('names')?.arraySizes).toEqual(['8']);
    expect(a?.field('names')?.type).toBe('const char *const[8]');
    expect(a?.field('argv')?.pointerDepth).toBe(2);
    expect(a?.field('mac')?.arraySizes).toEqual(['2 * 3']);
    expect(a?.field('tail')?.arraySizes).toEqual(['']);
    expect(a?.field('in')?.type).toBe('struct inner');
    expect(s.struct('inner')?.field('x')?.type).toBe('int');
    expect(s.recordOfType('const struct adapter *')).toBe(a);
    expect(s.recordOfType('ring_t')).toBe(s.struct('ring_t'));
    expect(s.records.length).toBeGreaterThanOrEqual(6);
    for (const r of s.records) {
      expect(s.recordAt(r.start)).toBe(r);
      expect([r.node.startIndex, r.node.endIndex]).toEqual([r.start, r.end]);
    }
  });

  test('enums with computed values', () => {
    expect(s.enum('reg')?.constants.map((c) => [c.name, c.value])).toEqual([
      ['CTRL', 0n],
      ['STATUS', 8n],
      ['EERD', 0x14n],
      ['NEXT', 0x15n],
      ['SHIFTED', 16n],
      ['CHR', 65n],
      ['NEG', -2n],
      ['DEP', 0x16n],
      ['UNK', undefined],
    ]);
    expect(s.enumConstant('ANON_B')?.value).toBe(1n);
    expect(s.enumConstant('SHIFTED')?.valueText).toBe('1 << 4');
  });

  test('functions', () => {
    const mk = s.function('make_table');
    expect(mk?.returnType).toBe('int *');
    expect(mk?.variadic).toBe(true);
    expect(mk?.isDefinition).toBe(false);
    expect(mk?.parameters.map((p) => [p.index, p.name, p.type])).toEqual([
      [0, 'n', 'int'],
      [1, 'name', 'const char *'],
    ]);
    const add = s.function('add');
    expect(add?.isDefinition).toBe(true);
    expect(add?.storage).toEqual(['static', 'inline']);
    expect(add?.parameter('b')?.type).toBe('int');
    expect(add?.node.type).toBe('function_definition');
    expect(s.function('signal_like')?.returnType).toBe('void (*)(int)');
    expect(s.function('signal_like')?.parameter('fn')?.isFunctionPointer).toBe(true);
    expect(s.function('noparams')?.parameters).toEqual([]);
    expect(s.function('oldstyle')?.parameters).toEqual([]);
  });

  test.each([
    ['dma_addr_t', 'unsigned int', false],
    ['const u32', 'const unsigned int', false],
    ['desc_p *', 'struct e1000_desc **', true],
    ['desc_t', 'struct e1000_desc', false],
    ['ring_t *', 'struct <anonymous> *', true],
    ['unsigned char [4]', 'unsigned char[4]', true],
    ['struct adapter', 'struct adapter', false],
  ])('expandType(%s)', (type, expanded, pointer) => {
    expect(s.expandType(type)).toBe(expanded);
    expect(s.isPointerType(type)).toBe(pointer);
  });

  test('globals', () => {
    expect(s.global('debug')?.storage).toEqual(['extern']);
    expect(s.global('adapters')?.type).toBe('struct adapter *[4]');
    expect(s.global('adapters')?.arraySizes).toEqual(['4']);
    expect(s.global('count')?.type).toBe('struct adapter');
    expect(s.global('make_table')).toBeUndefined();
  });

  test('syntax nodes resolve lazily to the right nodes', () => {
    const f = s.struct('adapter')!.field('irq')!;
    expect(f.node.type).toBe('function_declarator');
    expect(f.declarationNode.type).toBe('field_declaration');
    expect(s.struct('adapter')!.node.type).toBe('struct_specifier');
    expect(s.enumConstant('EERD')!.node.text).toBe('EERD = 0x0014');
    expect(s.global('debug')!.node.text).toBe('debug');
  });

  test('function definitions list', () => {
    expect(unit.functions.map((f) => [f.name, f.inMainFile, f.hasParseError, f.location.line])).toEqual([['add', true, false, 23]]);
  });
});
