// Run-time checks as data. One variant per kind; each comment states the exact
// condition the emitted call guarantees when it returns. Operands are C
// expression texts at the place of use (already renamed); `site` is where the
// failure is reported.

export type Check =
  /** ptr != NULL. Wraps the pointer; yields it. A failure never continues (it would dereference NULL). */
  | { kind: 'null'; ptr: string }
  /** 0 <= index. Wraps the index; yields it. */
  | { kind: 'lower'; index: string }
  /** index < count, the index taken as unsigned (a huge unsigned index converted to a negative one is above every bound). Wraps the index; yields it. */
  | { kind: 'upper'; index: string; count: string }
  /** 0 <= offset <= count (one past the end may be formed, not read). Wraps the offset. */
  | { kind: 'ptr-arith'; offset: string; count: string }
  /** lo <= ptr + index*size and ptr + (index+1)*size <= hi, for pointers with inferred bounds. Wraps the index. */
  | { kind: 'range'; ptr: string; index: string; lo: string; hi: string }
  /** lo <= ptr + offset*size <= hi (one past the end may be formed, not read), for pointers with inferred bounds. Wraps the offset; fails as ptr-arith. */
  | { kind: 'range-arith'; ptr: string; offset: string; lo: string; hi: string }
  /** no element of ptr[0 .. index-1] is zero: ptr[index] is within the string or its terminator. Wraps the index. */
  | { kind: 'nt-read'; ptr: string; index: string; known: string }
  /** nt-read holds, and ptr[index] is not the terminator or value is zero. Wraps the value. */
  | { kind: 'nt-write'; ptr: string; index: string; value: string }
  /** condition != 0: the union member accessed is the active one (WHEN). Wraps the member lvalue. */
  | { kind: 'union-tag'; member: string; condition: string }
  /** count >= 0 and (ptr != NULL or count == 0 or orNull): a struct/argument from unannotated code is consistent. Statement. */
  | { kind: 'count'; ptr: string; count: string; orNull: boolean }
  /** 0 <= newValue <= oldValue: shrinking a count its pointer depends on keeps the bound true. Wraps the new value. */
  | { kind: 'dependent-write'; newValue: string; oldValue: string }
  /** 0 <= need <= have: an argument claims no more elements than the object passed has. Wraps `need`. */
  | { kind: 'call'; need: string; have: string }
  /** 0 <= need <= have: a pointer stored into a variable or field claiming `need` elements has `have`. Comma form before the value. */
  | { kind: 'assign'; need: string; have: string }
  /** lo >= hi or ptr != NULL: a pointer used on every iteration of a loop over [lo, hi), checked once before it. Statement. */
  | { kind: 'loop-null'; ptr: string; lo: string; hi: string }
  /** lo >= hi or (0 <= lo and hi <= count): a whole loop's indexes [lo, hi) fit, checked once before it. Statement. */
  | { kind: 'loop-range'; lo: string; hi: string; count: string };

export type CheckKind = Check['kind'];

/** The runtime's enum fgft_check_kind (runtime-c/checks/fgft_check.h). */
export const CHECK_KIND_CODES = {
  null: 1,
  lower: 2,
  upper: 3,
  'ptr-arith': 4,
  'nt-read': 5,
  'nt-write': 6,
  'union-tag': 7,
  count: 8,
  'dependent-write': 9,
  call: 10,
  assign: 11,
} as const;

/** Identity of a check: two checks with the same key guarantee the same thing. */
export function checkKey(c: Check): string {
  return JSON.stringify(c);
}

/** The C-side helpers every instrumented unit gets in its prelude (gcc reads a .i: no macros). */
export function checkPrelude(failMode: 'abort' | 'log' | 'recover'): string {
  const mode = { abort: 0, log: 1, recover: 2 }[failMode];
  // A failure in log/recover mode returns and the access goes on with the index
  // unchanged. For arrays of a known size gcc could then prove an access out
  // of bounds on that path and warn (-Warray-bounds): the *_fixed variants
  // make it forget what the failed test told it with an empty asm. They are
  // only used for such arrays, as the asm costs some optimisation.
  // access(none, N): the checks look at pointer values, never at what they point to (no
  // -Wmaybe-uninitialized for pointers to objects not yet written).
  const FAIL = 'fgft_check_fail';
  const FORGET = ' __asm__("" : "+r"(i));';
  const lines = [
    'extern void fgft_check_fail(int kind, const char *file, int line, long long value, long long bound);',
    'extern void fgft_check_fail_fatal(int kind, const char *file, int line, long long value, long long bound) __attribute__((noreturn));',
    'extern void fgft_check_set_default_mode(int mode);',
    // SafeDrive's `q N` (fail after N checks): every executed check counts down while a count is set.
    'extern unsigned long fgft_check_countdown;',
    'extern void fgft_check_countdown_expired(const char *file, int line);',
    'static inline void fgft_check_tick(const char *f, int l) { if (__builtin_expect(fgft_check_countdown != 0, 0) && --fgft_check_countdown == 0) fgft_check_countdown_expired(f, l); }',
  ];
  for (const [suffix, forget] of [['', ''], ['_fixed', FORGET]]) {
    lines.push(
      `static inline long long fgft_check_index${suffix}(long long i, long long n, const char *f, int l) { if (__builtin_expect(i < 0, 0)) { ${FAIL}(2, f, l, i, n);${forget} } else if (__builtin_expect(i >= n, 0)) { ${FAIL}(3, f, l, i, n);${forget} } return i; }`,
      `static inline long long fgft_check_upper${suffix}(long long i, long long n, const char *f, int l) { if (__builtin_expect(i < 0 || i >= n, 0)) { ${FAIL}(3, f, l, i, n);${forget} } return i; }`,
      `static inline long long fgft_check_lower${suffix}(long long i, const char *f, int l) { if (__builtin_expect(i < 0, 0)) { ${FAIL}(2, f, l, i, 0);${forget} } return i; }`,
    );
  }
  lines.push(
    'static inline __attribute__((access(none, 1))) void *fgft_check_nonnull(const volatile void *p, const char *f, int l) { if (__builtin_expect(!p, 0)) fgft_check_fail_fatal(1, f, l, 0, 0); return (void *)p; }',
    `static inline long long fgft_check_arith(long long off, long long n, const char *f, int l) { if (__builtin_expect(off < 0 || off > n, 0)) ${FAIL}(4, f, l, off, n); return off; }`,
    `static inline __attribute__((access(none, 1), access(none, 4), access(none, 5))) long long fgft_check_range(const volatile void *p, long long i, unsigned long size, const volatile void *lo, const volatile void *hi, const char *f, int l) { unsigned long a = (unsigned long)p + (unsigned long)i * size; if (__builtin_expect(a < (unsigned long)lo, 0)) { ${FAIL}(2, f, l, (long long)(a - (unsigned long)lo) / (long long)size, 0);${FORGET} } else if (__builtin_expect(a + size > (unsigned long)hi, 0)) { ${FAIL}(3, f, l, (long long)(a - (unsigned long)lo) / (long long)size, (long long)((unsigned long)hi - (unsigned long)lo) / (long long)size);${FORGET} } return i; }`,
    `static inline __attribute__((access(none, 1), access(none, 4), access(none, 5))) long long fgft_check_range_arith(const volatile void *p, long long i, unsigned long size, const volatile void *lo, const volatile void *hi, const char *f, int l) { unsigned long a = (unsigned long)p + (unsigned long)i * size; if (__builtin_expect(a < (unsigned long)lo || a > (unsigned long)hi, 0)) ${FAIL}(4, f, l, (long long)(a - (unsigned long)lo) / (long long)size, (long long)((unsigned long)hi - (unsigned long)lo) / (long long)size); return i; }`,
    `static inline long long fgft_check_nt_read(const volatile char *s, long long i, long long known, const char *f, int l) { if (__builtin_expect(i < 0, 0)) { ${FAIL}(2, f, l, i, 0); return i; } if (i < known) return i; if (__builtin_expect(!s, 0)) fgft_check_fail_fatal(1, f, l, 0, 0); for (long long k = known; k < i; k++) if (__builtin_expect(!s[k], 0)) { ${FAIL}(5, f, l, i, k); break; } return i; }`,
    `static inline long long fgft_check_nt_write(volatile char *s, long long i, long long v, const char *f, int l) { fgft_check_nt_read(s, i, 0, f, l); if (__builtin_expect(i >= 0 && !s[i] && v != 0, 0)) ${FAIL}(6, f, l, i, v); return v; }`,
    `static inline __attribute__((access(none, 1))) void *fgft_check_tag(const volatile void *member, int active, const char *f, int l) { if (__builtin_expect(!active, 0)) ${FAIL}(7, f, l, 0, 0); return (void *)member; }`,
    `static inline __attribute__((access(none, 1))) void fgft_check_count(const volatile void *p, long long n, int or_null, const char *f, int l) { if (__builtin_expect(n < 0 || (!p && n != 0 && !or_null), 0)) ${FAIL}(8, f, l, n, p ? 1 : 0); }`,
    `static inline long long fgft_check_dep_write(long long v, long long old, const char *f, int l) { if (__builtin_expect(v < 0 || v > old, 0)) ${FAIL}(9, f, l, v, old); return v; }`,
    `static inline long long fgft_check_call(long long need, long long have, const char *f, int l) { if (__builtin_expect(need < 0 || need > have, 0)) ${FAIL}(10, f, l, need, have); return need; }`,
    `static inline long long fgft_check_assign(long long need, long long have, const char *f, int l) { if (__builtin_expect(need < 0 || need > have, 0)) ${FAIL}(11, f, l, need, have); return need; }`,
    `static inline void fgft_check_loop_range(long long lo, long long hi, long long n, const char *f, int l) { if (lo >= hi) return; if (__builtin_expect(lo < 0, 0)) ${FAIL}(2, f, l, lo, n); else if (__builtin_expect(hi > n, 0)) ${FAIL}(3, f, l, hi - 1, n); }`,
  );
  for (let k = 0; k < lines.length; k++) {
    if (!lines[k].includes('fgft_check_tick(const char')) lines[k] = lines[k].replace('const char *f, int l) { ', 'const char *f, int l) { fgft_check_tick(f, l); ');
  }
  if (mode !== 0) {
    lines.push(`static void __attribute__((constructor, used)) fgft_check_init_mode(void) { fgft_check_set_default_mode(${mode}); }`);
  }
  return lines.join('\n');
}

/** A check placed in the text: wraps `operand` (an expression range) or is a statement inserted at `at`. */
export interface Emitted {
  prefix: string;
  suffix: string;
}

function cstr(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/**
 * The text around the wrapped operand (or, for statement checks, the
 * statement). `operand` is the operand's own text (for __typeof__).
 */
export function emitCheck(c: Check, file: string, line: number, operandText: string, fixedArray = false): Emitted {
  const v = fixedArray ? '_fixed' : '';
  // The operand is copied into __typeof__: annotations inside it (NTEXPAND(s)) must not come along.
  const operand = operandText.replace(/__attribute__\s*\(\(\s*fgft_\w+\s*(\([^()]*\))?\s*\)\)/g, '');
  const site = `${cstr(file)}, ${line}`;
  switch (c.kind) {
    case 'null':
      return { prefix: `((__typeof__(${operand}))fgft_check_nonnull(`, suffix: `, ${site}))` };
    case 'lower':
      return { prefix: `fgft_check_lower${v}(`, suffix: `, ${site})` };
    case 'upper':
      return { prefix: `fgft_check_upper${v}(`, suffix: `, ${c.count}, ${site})` };
    case 'ptr-arith':
      return { prefix: 'fgft_check_arith(', suffix: `, ${c.count}, ${site})` };
    case 'range':
      return { prefix: `fgft_check_range(${c.ptr}, `, suffix: `, sizeof(*(${c.ptr})), ${c.lo}, ${c.hi}, ${site})` };
    case 'range-arith':
      return { prefix: `fgft_check_range_arith(${c.ptr}, `, suffix: `, sizeof(*(${c.ptr})), ${c.lo}, ${c.hi}, ${site})` };
    case 'nt-read':
      return { prefix: `fgft_check_nt_read((const volatile char *)(${c.ptr}), `, suffix: `, ${c.known}, ${site})` };
    case 'nt-write':
      return { prefix: `fgft_check_nt_write((volatile char *)(${c.ptr}), ${c.index}, `, suffix: `, ${site})` };
    case 'union-tag':
      return { prefix: `(*(__typeof__(&(${operand})))fgft_check_tag(&(`, suffix: `), ${c.condition}, ${site}))` };
    case 'count':
      return { prefix: `fgft_check_count(${c.ptr}, ${c.count}, ${c.orNull ? 1 : 0}, ${site});`, suffix: '' };
    case 'dependent-write':
      return { prefix: 'fgft_check_dep_write(', suffix: `, ${c.oldValue}, ${site})` };
    case 'call':
      return { prefix: 'fgft_check_call(', suffix: `, ${c.have}, ${site})` };
    case 'assign':
      return { prefix: 'fgft_check_assign(', suffix: `, ${c.have}, ${site})` };
    case 'loop-null':
      return { prefix: `if ((${c.lo}) < (${c.hi})) (void)fgft_check_nonnull(${c.ptr}, ${site});`, suffix: '' };
    case 'loop-range':
      return { prefix: `fgft_check_loop_range(${c.lo}, ${c.hi}, ${c.count}, ${site});`, suffix: '' };
  }
}

/** Combine a lower and an upper check on the same index into one call. */
export function emitIndexCheck(count: string, file: string, line: number, fixedArray = false): Emitted {
  return { prefix: `fgft_check_index${fixedArray ? '_fixed' : ''}(`, suffix: `, ${count}, ${cstr(file)}, ${line})` };
}
