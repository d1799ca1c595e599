// One-build mode (mutant schemata): the C declarations each instrumented
// translation unit starts with. They mirror runtime/fgft_fault.h; the runtime
// (runtime/fgft_fault.c) must be linked into the program.
import type { SchemaNode } from './render.js';

/** The selector expression for site k of this unit. */
export function selector(index: number): string {
  return `fgft_fault_active(${index})`;
}

function cString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function schemataPrelude(nodes: readonly SchemaNode[]): string {
  const ids = ['0', ...nodes.map((n) => cString(n.site.id))].join(',\n\t');
  return `struct fgft_fault_unit { const char *const *ids; int n; int active; unsigned int generation; struct fgft_fault_unit *next; };
extern volatile int fgft_fault_armed;
extern unsigned int fgft_fault_generation;
int fgft_fault_resolve(struct fgft_fault_unit *unit);
void fgft_fault_register(struct fgft_fault_unit *unit);
void fgft_fault_hit(void);
void fgft_fault_enter(const char *func);
static const char *const __fgft_fault_ids[] = {
\t${ids}
};
static struct fgft_fault_unit __fgft_fault_unit = { __fgft_fault_ids, ${nodes.length}, 0, 0u, 0 };
__attribute__((constructor)) static void __fgft_fault_register_unit(void)
{
	fgft_fault_register(&__fgft_fault_unit);
}
static inline __attribute__((always_inline)) int fgft_fault_active(int k)
{
\tif (__builtin_expect(!fgft_fault_armed, 1))
\t\treturn 0;
\tif (__fgft_fault_unit.generation != fgft_fault_generation)
\t\tfgft_fault_resolve(&__fgft_fault_unit);
\tif (__fgft_fault_unit.active != k)
\t\treturn 0;
\tfgft_fault_hit();
\treturn 1;
}`;
}

/**
 * The hook placed at the start of every instrumented function (FGFT_FAULT_FUNC, FGFT_FAULT_AFTER). It
 * names the function as the source does (and as site IDs do): __func__ would say `__fgft_orig_NAME`
 * where the recovery stubs pass has renamed an entry point.
 */
export function enterHook(functionName: string): string {
  return ` fgft_fault_enter(${cString(functionName)});`;
}

/**
 * A fault build is meant to contain bugs, and gcc's analyses rightly see some
 * of them: uses of uninitialised variables (dropassign, uninit), loops and
 * copies that provably overrun (scanoverrun, offbyone). -Werror builds (the
 * e1000 example) would refuse them. These warnings are about the injected
 * fault, not the user's code, so fault builds switch them off.
 */
export const FAULT_BUILD_PRAGMAS = [
  '#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"',
  '#pragma GCC diagnostic ignored "-Wuninitialized"',
  '#pragma GCC diagnostic ignored "-Waggressive-loop-optimizations"',
  '#pragma GCC diagnostic ignored "-Warray-bounds"',
  '#pragma GCC diagnostic ignored "-Wstringop-overflow"',
  '#pragma GCC diagnostic ignored "-Wstringop-overread"',
].join('\n');
