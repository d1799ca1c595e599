// The annotation language: every spelling fgft.h produces (and the kernel's own
// counted_by family) mapped to one normalised Annotation.
import type { Attribute } from '../compiler/frontend/unit.js';
import { BoundExprError, parseBoundArgs, type BoundExpr } from './bound-expr.js';

/** What an annotation says, independent of how it was spelled. */
export type AnnotationKind =
  | 'count' // COUNT(n), __counted_by(n), __counted_by_ptr(n), __counted_by_le/_be(n): n elements from the pointer
  | 'size' // SIZE(b), __sized_by(b): b bytes from the pointer
  | 'bnd' // BND(lo, hi): lo <= p, accesses below hi
  | 'ended-by' // __ended_by(e): accesses in [p, e)
  | 'safe' // SAFE: null or exactly one element
  | 'nonnull' // NONNULL: never null
  | 'opt' // OPT: may be null
  | 'nt' // NT, NTS, __null_terminated, SNT: null-terminated sequence
  | 'ntc' // NTC(n): null-terminated, at least n elements before the terminator may be read
  | 'seq' // SEQ / FSEQ: sequence pointer whose bounds fgftc carries (hidden bounds); FSEQ: `forward` set
  | 'trusted' // TRUSTED (function or declaration): no checks
  | 'trusted-block' // TRUSTEDBLOCK: no checks inside the block
  | 'tc' // TC(e): trusted cast
  | 'nt-drop' // NTDROP(e)
  | 'nt-expand' // NTEXPAND(e)
  | 'assume-const' // ASSUMECONST: the field never changes after initialisation
  | 'poly' // POLY (function) / TP(t) (struct): declares polymorphism; the type variables are in TV(t)
  | 'tv' // TV(t): this `void *` points to values of type variable t (name in `typeVariable`)
  | 'when' // WHEN(e): this union member is active when e holds
  | 'dalloc' // DALLOC(sz): function returns sz bytes (or NULL)
  | 'drealloc' // DREALLOC(p, sz)
  | 'dfree' // DFREE(p)
  | 'dmemset' // DMEMSET(p, c, n)
  | 'dmemcpy' // DMEMCPY(d, s, n)
  | 'dmemcmp'; // DMEMCMP(a, b, n)

export interface Annotation {
  kind: AnnotationKind;
  spelling: string; // as the user would recognise it, e.g. "COUNT(len)" or "__counted_by(len)"
  args: BoundExpr[];
  orNull: boolean; // __counted_by_or_null / __sized_by_or_null: null is allowed whatever the count
  byteOrder?: 'le' | 'be'; // __counted_by_le / _be: the count is stored in this byte order
  forward?: boolean; // FSEQ: a forward sequence (the pointer itself is the lower bound)
  typeVariable?: string; // TV(t): the type variable's name
  attribute: Attribute; // where it was written
}

interface Spelling {
  kind: AnnotationKind;
  user: string;
  arity: number;
  orNull?: boolean;
  byteOrder?: 'le' | 'be';
  forward?: boolean;
}

const SPELLINGS: Record<string, Spelling> = {
  fgft_count: { kind: 'count', user: 'COUNT', arity: 1 },
  fgft_counted_by: { kind: 'count', user: '__counted_by', arity: 1 },
  counted_by: { kind: 'count', user: '__counted_by', arity: 1 },
  fgft_counted_by_or_null: { kind: 'count', user: '__counted_by_or_null', arity: 1, orNull: true },
  counted_by_or_null: { kind: 'count', user: '__counted_by_or_null', arity: 1, orNull: true },
  fgft_counted_by_le: { kind: 'count', user: '__counted_by_le', arity: 1, byteOrder: 'le' },
  fgft_counted_by_be: { kind: 'count', user: '__counted_by_be', arity: 1, byteOrder: 'be' },
  fgft_size: { kind: 'size', user: 'SIZE', arity: 1 },
  fgft_sized_by: { kind: 'size', user: '__sized_by', arity: 1 },
  sized_by: { kind: 'size', user: '__sized_by', arity: 1 },
  fgft_sized_by_or_null: { kind: 'size', user: '__sized_by_or_null', arity: 1, orNull: true },
  sized_by_or_null: { kind: 'size', user: '__sized_by_or_null', arity: 1, orNull: true },
  fgft_bnd: { kind: 'bnd', user: 'BND', arity: 2 },
  fgft_ended_by: { kind: 'ended-by', user: '__ended_by', arity: 1 },
  ended_by: { kind: 'ended-by', user: '__ended_by', arity: 1 },
  fgft_safe: { kind: 'safe', user: 'SAFE', arity: 0 },
  fgft_nonnull: { kind: 'nonnull', user: 'NONNULL', arity: 0 },
  fgft_opt: { kind: 'opt', user: 'OPT', arity: 0 },
  fgft_nt: { kind: 'nt', user: 'NT', arity: 0 },
  fgft_nts: { kind: 'nt', user: 'NTS', arity: 0 },
  fgft_snt: { kind: 'nt', user: 'SNT', arity: 0 },
  fgft_null_terminated: { kind: 'nt', user: '__null_terminated', arity: 0 },
  fgft_ntc: { kind: 'ntc', user: 'NTC', arity: 1 },
  fgft_seq: { kind: 'seq', user: 'SEQ', arity: 0 },
  fgft_fseq: { kind: 'seq', user: 'FSEQ', arity: 0, forward: true },
  fgft_trusted: { kind: 'trusted', user: 'TRUSTED', arity: 0 },
  fgft_trustedblock: { kind: 'trusted-block', user: 'TRUSTEDBLOCK', arity: 0 },
  fgft_tc: { kind: 'tc', user: 'TC', arity: 0 },
  fgft_ntdrop: { kind: 'nt-drop', user: 'NTDROP', arity: 0 },
  fgft_ntexpand: { kind: 'nt-expand', user: 'NTEXPAND', arity: 0 },
  fgft_assumeconst: { kind: 'assume-const', user: 'ASSUMECONST', arity: 0 },
  fgft_poly: { kind: 'poly', user: 'POLY', arity: 0 },
  fgft_tp: { kind: 'poly', user: 'TP', arity: 1 },
  fgft_tv: { kind: 'tv', user: 'TV', arity: 1 },
  fgft_when: { kind: 'when', user: 'WHEN', arity: 1 },
  fgft_dalloc: { kind: 'dalloc', user: 'DALLOC', arity: 1 },
  fgft_drealloc: { kind: 'drealloc', user: 'DREALLOC', arity: 2 },
  fgft_dfree: { kind: 'dfree', user: 'DFREE', arity: 1 },
  fgft_dmemset: { kind: 'dmemset', user: 'DMEMSET', arity: 3 },
  fgft_dmemcpy: { kind: 'dmemcpy', user: 'DMEMCPY', arity: 3 },
  fgft_dmemcmp: { kind: 'dmemcmp', user: 'DMEMCMP', arity: 3 },
};

/** True if the attribute is one of ours (to be read and then removed from the output). */
export function isFgftAttribute(name: string): boolean {
  return name.startsWith('fgft_');
}

/** True if the attribute names a bounds annotation (ours or the compiler's counted_by family). */
export function isAnnotationAttribute(name: string): boolean {
  return name in SPELLINGS;
}

export type AnnotationResult = { ok: true; annotation: Annotation } | { ok: false; message: string };

/** Normalise one attribute; undefined if it is not an annotation at all. */
export function annotationFromAttribute(attr: Attribute): AnnotationResult | undefined {
  const sp = SPELLINGS[attr.name];
  if (!sp) return undefined;
  let args: BoundExpr[];
  try {
    // Type variables are names, not bound expressions.
    args = sp.kind === 'poly' || sp.kind === 'tv' ? [] : parseBoundArgs(attr.args);
  } catch (e) {
    if (e instanceof BoundExprError) return { ok: false, message: `bad argument to ${sp.user}: ${e.message}` };
    throw e;
  }
  const typeVariable = sp.kind === 'tv' ? attr.args.trim() : undefined;
  if (sp.kind === 'tv' && !/^[A-Za-z_]\w*$/.test(typeVariable ?? '')) return { ok: false, message: `TV takes a type variable name, got '${attr.args.trim()}'` };
  if (sp.kind !== 'poly' && sp.kind !== 'tv' && args.length !== sp.arity) {
    return { ok: false, message: `${sp.user} takes ${sp.arity} argument${sp.arity === 1 ? '' : 's'}, got ${args.length}` };
  }
  const spelling = sp.arity === 0 ? sp.user : `${sp.user}(${attr.args.trim()})`;
  return {
    ok: true,
    annotation: { kind: sp.kind, spelling, args, orNull: sp.orNull ?? false, byteOrder: sp.byteOrder, forward: sp.forward, typeVariable, attribute: attr },
  };
}
