import { describe, expect, it } from 'vitest';
import { BoundExprError, constValue, freeNames, parseBoundArgs, parseBoundExpr, render } from '../../annotations/bound-expr.js';

describe('bound expressions', () => {
  it.each([
    ['n', 'n', undefined, ['n']],
    ['len * 2', 'len * 2', undefined, ['len']],
    ['(n + 1) / 2', '(n + 1) / 2', undefined, ['n']],
    ['sizeof(struct foo) * n', 'sizeof(struct foo) * n', undefined, ['n']],
    ['(int)count - 1', '((int)count) - 1', undefined, ['count']],
    ['16', '16', 16n, []],
    ['4 * 4 + 0x10', '(4 * 4) + 0x10', 32n, []],
    ['10u / 3', '10u / 3', 3n, []],
    ['-1', '-1', -1n, []],
    ["'a'", "'a'", 97n, []],
    ['hdr->len - 4', 'hdr->len - 4', undefined, ['hdr']],
    ['tag == 1 && x', '(tag == 1) && x', undefined, ['tag', 'x']],
  ])('%s', (src, rendered, value, names) => {
    const e = parseBoundExpr(src);
    expect(render(e)).toBe(rendered);
    expect(constValue(e)).toBe(value);
    expect([...freeNames(e)].sort()).toEqual(names);
  });

  it('renames free identifiers but not member names', () => {
    const e = parseBoundExpr('len + hdr.len');
    expect(render(e, (n) => `s->${n}`)).toBe('s->len + s->hdr.len');
  });

  it('looks up enumerators for constants', () => {
    expect(constValue(parseBoundExpr('RING + 1'), (n) => (n === 'RING' ? 8n : undefined))).toBe(9n);
  });

  it('does not trust constant arithmetic that overflows 64 bits', () => {
    expect(constValue(parseBoundExpr('0x7fffffffffffffff * 2'))).toBeUndefined();
    expect(constValue(parseBoundExpr('1 << 70'))).toBeUndefined();
    expect(constValue(parseBoundExpr('8 / 0'))).toBeUndefined();
  });

  it('splits annotation arguments', () => {
    expect(parseBoundArgs('lo, hi + 1').map((e) => render(e))).toEqual(['lo', 'hi + 1']);
    expect(parseBoundArgs('')).toEqual([]);
  });

  it.each(['n +', '(n', 'a $ b', 'x ? y'])('rejects %s', (src) => {
    expect(() => parseBoundExpr(src)).toThrow(BoundExprError);
  });
});
