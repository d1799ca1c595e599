// Deputy polymorphism (poly.ts): TV(t) type variables on functions and
// TP(t) structs. One table of programs that pass, one of programs that must
// be rejected, with the error's line and text.
import { describe, expect, it } from 'vitest';
import { annotationFromAttribute } from '../../annotations/language.js';
import { pointeeOfType } from '../../compiler/passes/bounds/poly.js';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, errorsOf, preprocess, transform } from './helpers.js';

const PICK = 'void *TV(t) pick(void *TV(t) a, void *TV(t) b, int c) { return c ? a : b; }\n';
const PAIR = 'struct pair TP(t) { void *TV(t) a; void *TV(t) b; };\n';

const accepted: [what: string, src: string][] = [
  ['arguments of one type', PICK + 'int f(void) { int x = 1, y = 2; int *p = pick(&x, &y, 0); return *p; }'],
  ['each call instantiates afresh', PICK + 'int f(void) { int x = 1; char c = 2; int *p = pick(&x, &x, 0); char *q = pick(&c, &c, 0); return *p + *q; }'],
  ['arrays and pointers of the element type', PICK + 'int f(int *q) { int a[2] = {0}; int *p = pick(a, q, 0); return *p; }'],
  ['qualifiers do not matter', PICK + 'int f(const int *q) { int x = 0; const int *p = pick(&x, q, 0); return *p; }'],
  ['a plain void * is not compared', PICK + 'int f(void *v) { int x = 0; int *p = pick(&x, v, 0); return *p; }'],
  ['NULL is not compared', PICK + 'int f(void) { int x = 0; int *p = pick(&x, 0, 1); return *p; }'],
  ['type variables passed on unchanged', PICK + 'void *TV(t) pick2(void *TV(t) a, void *TV(t) b) { return pick(a, b, 1); }'],
  ['struct fields of one type', PAIR + 'int f(void) { int x = 1, y = 2; struct pair s = { .a = &x, .b = &y }; int *p = s.b; return *p; }'],
  ['struct instances are separate', PAIR + 'int f(void) { int x = 1; char c = 2; struct pair s, u; s.a = &x; u.a = &c; s.b = &x; u.b = &c; return *(int *)s.a + *(char *)u.b; }'],
  ['unannotated void * functions are not polymorphic', 'void *id(void *p) { return p; } int f(void) { int x = 0; char *c = id(&x); return *c; }'],
];

describe('polymorphism accepts', () => {
  it.each(accepted)('%s', (_what, src) => {
    expect(errorsOf(transform(src))).toEqual([]);
  });
});

const rejected: [what: string, src: string, line: number, message: string][] = [
  ['arguments of two types for one variable', PICK + 'int f(void) { int x = 1; char c = 2; int *p = pick(&x, &c, 0); return *p; }', 3, "'&c' points to 'char' but '&x' (also of type variable 't' of 'pick') points to 'int'"],
  ['a cast argument of another type', PICK + 'int f(void) { long a = 1, b = 2; long *p = pick(&a, (int *)&b, 0); return (int)*p; }', 3, "points to 'int'"],
  ['the result stored as another type', PICK + 'int f(void) { int x = 1; char *p = pick(&x, &x, 0); return *p; }', 3, "'pick(&x, &x, 0)' points to 'int' but 'p' points to 'char'"],
  ['the result assigned as another type', PICK + 'int f(void) { int x = 1; char *p; p = pick(&x, &x, 0); return *p; }', 3, "but 'p' points to 'char'"],
  ['a type variable used as a concrete type', 'void *TV(t) first(void *TV(t) a) { int *q = a; return q; }', 2, "'a' points to type variable 't' but 'q' points to 'int'"],
  ['returning a concrete pointer as a type variable', 'void *TV(t) make(void *TV(t) a) { static int z; (void)a; return &z; }', 2, 'from a function whose result is TV(t)'],
  ['returning another type variable', 'void *TV(t) second(void *TV(t) a, void *TV(u) b) { (void)a; return b; }', 2, "returning 'b' (pointing to type variable 'u')"],
  ['two type variables unified by a call', PICK + 'void *TV(t) mix(void *TV(t) a, void *TV(u) b) { return pick(a, b, 0); }', 3, "type variable 'u'"],
  ['struct fields of two types', PAIR + 'int f(void) { int x = 1; char c = 2; struct pair s; s.a = &x;\ns.b = &c; return 0; }', 4, "'s.b' is given '&c' (pointing to 'char') but this object's type variable 't' is already 'int'"],
  ['a positional initialiser of two types', PAIR + 'int f(void) { int x = 1; char c = 2; struct pair s = { &x, &c }; return *(int *)s.a; }', 3, "'s.b' is given '&c'"],
  ['a designated initialiser of two types', PAIR + 'int f(void) { int x = 1; char c = 2; struct pair s = { .b = &c, .a = &x }; return *(int *)s.a; }', 3, "'s.a' is given '&x' (pointing to 'int') but this object's type variable 't' is already 'char'"],
  ['fields through a pointer', PAIR + 'void f(struct pair *p, int *x, char *c) { p->a = x;\np->b = c; }', 4, "'p->b' is given 'c'"],
  ['a field read back as another type', PAIR + 'int f(void) { int x = 1; struct pair s = { .a = &x, .b = &x }; char *p = s.a; return *p; }', 3, "'s.a' points to 'int' but 'p' points to 'char'"],
];

describe('polymorphism rejects', () => {
  it.each(rejected)('%s', (_what, src, line, message) => {
    const errors = errorsOf(transform(src));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBe(line);
    expect(errors[0].message).toContain(message);
    expect(errors[0].rule).toBe('bounds/poly');
  });
});

describe('TV spelling and pointee types', () => {
  it('expands to nothing for a plain compiler', () => {
    const src = '#include "fgft.h"\nvoid *TV(t) POLY id(void *TV(t) p);\nvoid *TV(t) id(void *TV(t) p) { return p; }\nstruct box TP(t) { void *TV(t) v; };\nint main(void) { struct box b = { id(0) }; return b.v != 0; }\n';
    const { path } = preprocess(src, false);
    expect(() => execFileSync('gcc', ['-std=gnu11', '-Wall', '-Wextra', '-Werror', '-I', join(ROOT, 'annotations'), '-c', path, '-o', `${path}.o`])).not.toThrow();
  });
  it('reads the type variable name', () => {
    const r = annotationFromAttribute({ name: 'fgft_tv', args: ' t ', argsStart: 0, start: 0, end: 0 });
    expect(r?.ok && r.annotation.kind).toBe('tv');
    expect(r?.ok && r.annotation.typeVariable).toBe('t');
    expect(annotationFromAttribute({ name: 'fgft_tv', args: 'a b', argsStart: 0, start: 0, end: 0 })?.ok).toBe(false);
  });
  it.each([
    ['int *', 'int'],
    ['const char *', 'char'],
    ['char [8]', 'char'],
    ['int [3][4]', 'int[4]'],
    ['struct sk_buff * *', 'struct sk_buff*'],
    ['int', undefined],
  ])('%s points to %s', (type, pointee) => {
    expect(pointeeOfType(type)).toBe(pointee);
  });
});
