/* SPDX-License-Identifier: MIT */
/*
 * fgft.h - bounds annotations for drivers built with fgftc.
 *
 * Under fgftc (__FGFTC__ defined) every annotation becomes an attribute named
 * fgft_<annotation>; the fgftc front end removes it before parsing, records its
 * arguments and checks the code against it, and the emitted C no longer
 * contains it.  With a plain C compiler every annotation expands to nothing,
 * except the kernel's __counted_by family, which becomes the compiler's own
 * counted_by attribute where the compiler has one (flexible array members).
 *
 * Every macro is guarded with #ifndef so that the kernel's (or Deputy's) own
 * definitions, seen first, win.  See ANNOTATIONS.md for the meaning of each.
 */
#ifndef FGFT_H
#define FGFT_H

#ifndef __has_attribute
#define __has_attribute(x) 0
#endif

#ifdef __FGFTC__
#define FGFT_ANNOT(a) __attribute__((a))
#else
#define FGFT_ANNOT(a)
#endif

/* ---- pointer bounds (Deputy / SafeDrive spelling) ---- */
#ifndef COUNT
#define COUNT(n) FGFT_ANNOT(fgft_count(n))
#endif
#ifndef SIZE
#define SIZE(n) FGFT_ANNOT(fgft_size(n))
#endif
#ifndef BND
#define BND(lo, hi) FGFT_ANNOT(fgft_bnd(lo, hi))
#endif
#ifndef SAFE
#define SAFE FGFT_ANNOT(fgft_safe)
#endif
#ifndef NONNULL
#define NONNULL FGFT_ANNOT(fgft_nonnull)
#endif
#ifndef OPT
#define OPT FGFT_ANNOT(fgft_opt)
#endif
#ifndef NT
#define NT FGFT_ANNOT(fgft_nt)
#endif
#ifndef NTS
#define NTS FGFT_ANNOT(fgft_nts)
#endif
#ifndef NTC
#define NTC(n) FGFT_ANNOT(fgft_ntc(n))
#endif

/* ---- the rest of Deputy 1.1's vocabulary ---- */
#ifndef SNT
#define SNT FGFT_ANNOT(fgft_snt)
#endif
#ifndef SEQ
#define SEQ FGFT_ANNOT(fgft_seq)
#endif
#ifndef FSEQ
#define FSEQ FGFT_ANNOT(fgft_fseq)
#endif
#ifndef NTDROP
#define NTDROP(e) (FGFT_ANNOT(fgft_ntdrop) (e))
#endif
#ifndef NTEXPAND
#define NTEXPAND(e) (FGFT_ANNOT(fgft_ntexpand) (e))
#endif
#ifndef TRUSTED
#define TRUSTED FGFT_ANNOT(fgft_trusted)
#endif
#ifndef TRUSTEDBLOCK
#define TRUSTEDBLOCK FGFT_ANNOT(fgft_trustedblock)
#endif
#ifndef TC
/* A trusted cast: the value is taken as having whatever bounds its target has. */
#define TC(e) (FGFT_ANNOT(fgft_tc) (e))
#endif
#ifndef ASSUMECONST
#define ASSUMECONST FGFT_ANNOT(fgft_assumeconst)
#endif
#ifndef POLY
#define POLY FGFT_ANNOT(fgft_poly)
#endif
#ifndef TV
/* void *TV(t) p: p points to values of the type variable t (Deputy polymorphism). */
#define TV(t) FGFT_ANNOT(fgft_tv(t))
#endif
#ifndef TP
#define TP(t) FGFT_ANNOT(fgft_tp(t))
#endif
#ifndef WHEN
#define WHEN(e) FGFT_ANNOT(fgft_when(e))
#endif

/* ---- allocator and memory-function markers (on function declarations) ---- */
#ifndef DALLOC
#define DALLOC(sz) FGFT_ANNOT(fgft_dalloc(sz))
#endif
#ifndef DREALLOC
#define DREALLOC(p, sz) FGFT_ANNOT(fgft_drealloc(p, sz))
#endif
#ifndef DFREE
#define DFREE(p) FGFT_ANNOT(fgft_dfree(p))
#endif
#ifndef DMEMSET
#define DMEMSET(p, c, n) FGFT_ANNOT(fgft_dmemset(p, c, n))
#endif
#ifndef DMEMCPY
#define DMEMCPY(d, s, n) FGFT_ANNOT(fgft_dmemcpy(d, s, n))
#endif
#ifndef DMEMCMP
#define DMEMCMP(a, b, n) FGFT_ANNOT(fgft_dmemcmp(a, b, n))
#endif

/* ---- krecover entry points (compiler/passes/stubs) ---- */
/* ENTRY: the function is called from outside the driver; give it a recovery stub. */
#ifndef ENTRY
#define ENTRY FGFT_ANNOT(fgft_entry)
#endif
/* NOENTRY: never give this function a stub, even where it looks like an entry point. */
#ifndef NOENTRY
#define NOENTRY FGFT_ANNOT(fgft_noentry)
#endif
/* KR_FAIL(v): what the stub returns when the driver failed (default: from the return type). */
#ifndef KR_FAIL
#define KR_FAIL(v) FGFT_ANNOT(fgft_kr_fail(v))
#endif

/* ---- the modern spellings (clang -fbounds-safety, Linux kernel) ---- */
#ifdef __FGFTC__
#ifndef __counted_by
#define __counted_by(n) __attribute__((fgft_counted_by(n)))
#endif
#ifndef __sized_by
#define __sized_by(n) __attribute__((fgft_sized_by(n)))
#endif
#ifndef __counted_by_or_null
#define __counted_by_or_null(n) __attribute__((fgft_counted_by_or_null(n)))
#endif
#ifndef __sized_by_or_null
#define __sized_by_or_null(n) __attribute__((fgft_sized_by_or_null(n)))
#endif
#ifndef __ended_by
#define __ended_by(p) __attribute__((fgft_ended_by(p)))
#endif
#ifndef __null_terminated
#define __null_terminated __attribute__((fgft_null_terminated))
#endif
#ifndef __counted_by_ptr
#define __counted_by_ptr(n) __attribute__((fgft_counted_by(n)))
#endif
#ifndef __counted_by_le
#define __counted_by_le(n) __attribute__((fgft_counted_by_le(n)))
#endif
#ifndef __counted_by_be
#define __counted_by_be(n) __attribute__((fgft_counted_by_be(n)))
#endif
#else /* plain compiler */
#if __has_attribute(__counted_by__)
#ifndef __counted_by
#define __counted_by(n) __attribute__((__counted_by__(n)))
#endif
#endif
#ifndef __counted_by
#define __counted_by(n)
#endif
#ifndef __sized_by
#define __sized_by(n)
#endif
#ifndef __counted_by_or_null
#define __counted_by_or_null(n)
#endif
#ifndef __sized_by_or_null
#define __sized_by_or_null(n)
#endif
#ifndef __ended_by
#define __ended_by(p)
#endif
#ifndef __null_terminated
#define __null_terminated
#endif
/* Pointer members: only compilers with counted_by on pointers take it; be conservative. */
#ifndef __counted_by_ptr
#define __counted_by_ptr(n)
#endif
/* Byte-order counts cannot be expressed to the compiler. */
#ifndef __counted_by_le
#define __counted_by_le(n)
#endif
#ifndef __counted_by_be
#define __counted_by_be(n)
#endif
#endif /* __FGFTC__ */

#endif /* FGFT_H */
