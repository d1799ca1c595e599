// ESLint-style tables: valid snippets compile without errors, invalid ones
// give exactly the expected error (line counted with the fgft.h include as
// line 1) and a note pointing at the annotation or declaration.
import { describe, expect, it } from 'vitest';
import { errorsOf, transform } from './helpers.js';

const valid: [string, string][] = [
  ['constant index inside an array', 'int a[4]; int f(void) { return a[3]; }'],
  ['constant index inside COUNT', 'int f(int *COUNT(4) p) { return p[3]; }'],
  ['arithmetic on COUNT', 'int *f(int *COUNT(n) p, int n) { return p + 1; }'],
  ['SAFE dereference', 'int f(int *SAFE p) { return *p; }'],
  ['NONNULL gets an address', 'int g(int *NONNULL p); int f(void) { int x = 0; return g(&x); }'],
  ['enough elements passed', 'int s(int *COUNT(n) a, int n); int f(void) { int a[4] = {0}; return s(a, 4); }'],
  ['sizeof operand is not evaluated', 'int a[4]; unsigned long f(void) { return sizeof(a[9]); }'],
  ['trusted function', 'static TRUSTED int f(int *COUNT(2) p) { return p[5]; }'],
];

const invalid: [string, string, number, string, string][] = [
  ['index past a constant array', 'int a[4];\nint f(void) { return a[4]; }', 3, 'index 4 is out of bounds', 'bounds/upper'],
  ['negative constant index', 'int a[4];\nint f(void) { return a[-1]; }', 3, 'index -1 is out of bounds', 'bounds/lower'],
  ['index past a constant COUNT', 'int f(int *COUNT(2) p)\n{ return p[2]; }', 3, 'out of bounds', 'bounds/upper'],
  ['SAFE index 1', 'int f(int *SAFE p)\n{ return p[1]; }', 3, 'out of bounds', 'bounds/upper'],
  ['arithmetic on SAFE', 'int *f(int *SAFE p)\n{ return p + 1; }', 3, "arithmetic on SAFE pointer 'p'", 'bounds/safe-arith'],
  ['increment of SAFE', 'void f(int *SAFE p)\n{ p++; }', 3, "arithmetic on SAFE pointer 'p'", 'bounds/safe-arith'],
  ['NULL to a NONNULL parameter', 'int g(int *NONNULL p);\nint f(void) { return g(0); }', 3, "passing NULL to NONNULL parameter 'p'", 'bounds/nonnull'],
  ['NULL into a NONNULL local', 'void f(void)\n{ int *NONNULL p = 0; (void)p; }', 3, 'NULL', 'bounds/nonnull'],
  ['NULL returned as NONNULL', 'int *NONNULL f(void)\n{ return 0; }', 3, 'NULL', 'bounds/nonnull'],
  ['too few elements passed', 'int s(int *COUNT(n) a, int n);\nint f(void) { int a[4] = {0}; return s(a, 5); }', 3, "needs 5", 'bounds/call'],
  ['pointer arithmetic past the end', 'int *f(int *COUNT(4) p)\n{ return p + 5; }', 3, 'leaves the bounds', 'bounds/ptr-arith'],
  ['stored into a larger COUNT', 'struct v { int *COUNT(4) p; };\nvoid f(struct v *x) { int a[2]; x->p = a; }', 3, 'claims 4', 'bounds/assign'],
  ['malformed annotation', 'int f(int *COUNT(n +) p, int n)\n{ return n; }', 2, 'bad argument to COUNT', 'bounds/annotation'],
];

describe('static checker', () => {
  it.each(valid)('accepts: %s', (_name, src) => {
    expect(errorsOf(transform(src))).toEqual([]);
  });

  it.each(invalid)('rejects: %s', (_name, src, line, message, rule) => {
    const errors = errorsOf(transform(src));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBe(line);
    expect(errors[0].message).toContain(message);
    expect(errors[0].rule).toBe(rule);
    if (rule !== 'bounds/annotation') expect(errors[0].notes).toBe(1);
  });

  it('points its note at the annotation', () => {
    const r = transform('int f(int *COUNT(2) p)\n{ return p[2]; }');
    const note = r.diagnostics.list[0].notes![0];
    expect(note.location?.line).toBe(2);
    expect(note.message).toBe("'p' declared COUNT(2) here");
  });

  it('reports errors and emits no checks when a check must fail', () => {
    const r = transform('int a[4];\nint f(int i) { return a[i] + a[4]; }');
    expect(r.diagnostics.errorCount).toBe(1);
    expect(r.output).not.toContain('fgft_check_index(');
  });
});
