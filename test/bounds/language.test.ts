import { describe, expect, it } from 'vitest';
import { annotationFromAttribute, isFgftAttribute, type AnnotationKind } from '../../annotations/language.js';
import type { Attribute } from '../../compiler/frontend/unit.js';

const attr = (name: string, args = ''): Attribute => ({ name, args, argsStart: 0, start: 0, end: 0 });

describe('annotation spellings', () => {
  it.each<[string, string, AnnotationKind, string]>([
    ['fgft_count', 'n', 'count', 'COUNT(n)'],
    ['fgft_counted_by', 'len', 'count', '__counted_by(len)'],
    ['counted_by', 'len', 'count', '__counted_by(len)'],
    ['fgft_counted_by_le', 'n', 'count', '__counted_by_le(n)'],
    ['fgft_counted_by_be', 'n', 'count', '__counted_by_be(n)'],
    ['fgft_size', 'b', 'size', 'SIZE(b)'],
    ['fgft_sized_by', 'b', 'size', '__sized_by(b)'],
    ['fgft_bnd', 'lo, hi', 'bnd', 'BND(lo, hi)'],
    ['fgft_ended_by', 'end', 'ended-by', '__ended_by(end)'],
    ['fgft_safe', '', 'safe', 'SAFE'],
    ['fgft_nonnull', '', 'nonnull', 'NONNULL'],
    ['fgft_opt', '', 'opt', 'OPT'],
    ['fgft_nt', '', 'nt', 'NT'],
    ['fgft_nts', '', 'nt', 'NTS'],
    ['fgft_snt', '', 'nt', 'SNT'],
    ['fgft_null_terminated', '', 'nt', '__null_terminated'],
    ['fgft_ntc', '3', 'ntc', 'NTC(3)'],
    ['fgft_seq', '', 'seq', 'SEQ'],
    ['fgft_fseq', '', 'seq', 'FSEQ'],
    ['fgft_trusted', '', 'trusted', 'TRUSTED'],
    ['fgft_trustedblock', '', 'trusted-block', 'TRUSTEDBLOCK'],
    ['fgft_tc', '', 'tc', 'TC'],
    ['fgft_ntdrop', '', 'nt-drop', 'NTDROP'],
    ['fgft_ntexpand', '', 'nt-expand', 'NTEXPAND'],
    ['fgft_assumeconst', '', 'assume-const', 'ASSUMECONST'],
    ['fgft_poly', '', 'poly', 'POLY'],
    ['fgft_when', 'tag == 1', 'when', 'WHEN(tag == 1)'],
    ['fgft_dalloc', 'sz', 'dalloc', 'DALLOC(sz)'],
    ['fgft_drealloc', 'p, sz', 'drealloc', 'DREALLOC(p, sz)'],
    ['fgft_dfree', 'p', 'dfree', 'DFREE(p)'],
    ['fgft_dmemset', 'p, c, n', 'dmemset', 'DMEMSET(p, c, n)'],
    ['fgft_dmemcpy', 'd, s, n', 'dmemcpy', 'DMEMCPY(d, s, n)'],
    ['fgft_dmemcmp', 'a, b, n', 'dmemcmp', 'DMEMCMP(a, b, n)'],
  ])('%s(%s)', (name, args, kind, spelling) => {
    const r = annotationFromAttribute(attr(name, args));
    expect(r?.ok).toBe(true);
    if (r?.ok) {
      expect(r.annotation.kind).toBe(kind);
      expect(r.annotation.spelling).toBe(spelling);
    }
  });

  it('marks the _or_null spellings and byte orders', () => {
    const r = annotationFromAttribute(attr('fgft_counted_by_or_null', 'n'));
    expect(r?.ok && r.annotation.orNull).toBe(true);
    const be = annotationFromAttribute(attr('fgft_counted_by_be', 'n'));
    expect(be?.ok && be.annotation.byteOrder).toBe('be');
  });

  it.each([
    ['fgft_count', '', 'COUNT takes 1 argument, got 0'],
    ['fgft_bnd', 'lo', 'BND takes 2 arguments, got 1'],
    ['fgft_count', 'n +', 'bad argument to COUNT'],
  ])('reports %s(%s)', (name, args, message) => {
    const r = annotationFromAttribute(attr(name, args));
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.message).toContain(message);
  });

  it('ignores attributes that are not annotations', () => {
    expect(annotationFromAttribute(attr('packed'))).toBeUndefined();
    expect(isFgftAttribute('fgft_count')).toBe(true);
    expect(isFgftAttribute('counted_by')).toBe(false);
  });
});
