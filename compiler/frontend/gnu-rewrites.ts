// GNU spellings tree-sitter-c 0.24 rejects, and what the sanitizer does with
// each. Only what tree-sitter-c rejects is listed (found empirically; the
// table of constructs in test/frontend/gnu-constructs.test.ts checks each).

export type GnuRewrite =
  | { kind: 'keyword'; to: string } // same-length respelling, padded with spaces
  | { kind: 'blank' } // a qualifier with no effect on the tree's shape: spaces
  | { kind: 'blank-operator' } // __real__/__imag__: the operand stays, the operator is blanked
  | { kind: 'type-operator' } // typeof(...): replaced by a same-length type name
  | { kind: 'type-args'; indices: number[] } // builtins taking type names: those args become identifiers
  | { kind: 'atomic-specifier' } // _Atomic(T) -> _Atomic T  (parentheses blanked)
  | { kind: 'alignof' }; // __alignof__(expr) -> sizeof     (expr): tree-sitter-c's alignof takes only a type

const REWRITES = new Map<string, GnuRewrite>([
  ['__signed__', { kind: 'keyword', to: 'signed' }],
  ['__signed', { kind: 'keyword', to: 'signed' }],
  ['__volatile__', { kind: 'keyword', to: 'volatile' }],
  ['__volatile', { kind: 'keyword', to: 'volatile' }],
  ['__const', { kind: 'keyword', to: 'const' }],
  ['__const__', { kind: 'keyword', to: 'const' }],
  // tree-sitter-c takes __inline/__inline__ as storage classes but not as asm qualifiers.
  ['__inline', { kind: 'keyword', to: 'inline' }],
  ['__inline__', { kind: 'keyword', to: 'inline' }],
  ['_Thread_local', { kind: 'keyword', to: 'thread_local' }],
  ['_Complex', { kind: 'blank' }],
  ['__complex__', { kind: 'blank' }],
  ['__complex', { kind: 'blank' }],
  ['_Imaginary', { kind: 'blank' }],
  ['__seg_gs', { kind: 'blank' }],
  ['__seg_fs', { kind: 'blank' }],
  ['__real__', { kind: 'blank-operator' }],
  ['__imag__', { kind: 'blank-operator' }],
  ['typeof', { kind: 'type-operator' }],
  ['__typeof__', { kind: 'type-operator' }],
  ['__typeof', { kind: 'type-operator' }],
  ['typeof_unqual', { kind: 'type-operator' }],
  ['__typeof_unqual__', { kind: 'type-operator' }],
  ['__builtin_va_arg', { kind: 'type-args', indices: [1] }],
  ['__builtin_offsetof', { kind: 'type-args', indices: [0] }],
  ['__builtin_types_compatible_p', { kind: 'type-args', indices: [0, 1] }],
  ['__builtin_convertvector', { kind: 'type-args', indices: [1] }],
  ['_Atomic', { kind: 'atomic-specifier' }],
  ['__alignof__', { kind: 'alignof' }],
  ['__alignof', { kind: 'alignof' }],
  ['_Alignof', { kind: 'alignof' }],
]);

export function gnuRewriteFor(word: string): GnuRewrite | undefined {
  return REWRITES.get(word);
}

/** Every word with a rewrite (the sanitizer looks identifiers up without slicing them). */
export function gnuRewriteWords(): string[] {
  return [...REWRITES.keys()];
}
