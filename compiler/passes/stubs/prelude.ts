// Declarations of the krecover runtime that emitted stubs and probes call.
// They must match runtime-c/include/linux/krecover.h exactly (a unit may
// include both). The jump buffer type stays incomplete: the runtime owns the
// storage, and __sigsetjmp is glibc's entry point behind sigsetjmp().
export const krecoverPrelude: readonly string[] = [
  'struct __jmp_buf_tag;',
  'extern int __sigsetjmp(struct __jmp_buf_tag *__env, int __savemask) __attribute__((__nothrow__, __returns_twice__));',
  'extern struct __jmp_buf_tag *kr_enter_driver(const char *entry);',
  'extern void kr_exit_driver(void);',
  'extern void kr_driver_failed(void);',
  'extern void kr_driver_failed_keep(const void *object);',
];

export const probePrelude: readonly string[] = ['extern int kr_probes_armed;', 'extern void kr_probe(const char *function);'];

/** The statement put at the top of every driver function body for `f FUNCTION OFFSET`. */
export function probeStatement(name: string): string {
  return ` if (__builtin_expect(kr_probes_armed, 0)) kr_probe("${name}");`;
}
