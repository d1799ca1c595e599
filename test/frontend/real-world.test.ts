// Real-world parsing: files preprocessed by gcc that pull in many glibc
// headers, a kernel-style driver file, and (where Debian's kernel headers are
// installed) a module including <linux/module.h>-level headers with
// kbuild-style flags. At least 99% of the main file's function definitions
// must parse without error.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EditSet } from '../../compiler/emit/edits.js';
import { applyEdits } from '../../compiler/emit/emit.js';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import type { ParsedUnit } from '../../compiler/frontend/unit.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/frontend/${name}`, import.meta.url));

function preprocess(file: string, flags: string[] = [], cwd?: string, cc = 'gcc'): string {
  const out = execFileSync(cc, ['-E', ...flags, file], { cwd, maxBuffer: 256 << 20 });
  return out.toString('latin1');
}

interface Coverage {
  main: number;
  mainOk: number;
  headerErrors: number;
}

function coverage(unit: ParsedUnit): Coverage {
  const main = unit.functions.filter((f) => f.inMainFile);
  return {
    main: main.length,
    mainOk: main.filter((f) => !f.hasParseError).length,
    headerErrors: unit.errors.filter((e) => !unit.lineMap.isMainFile(e.start)).length,
  };
}

/** Every listed function resolves to its own function_definition node. */
function expectFunctionNodes(unit: ParsedUnit): void {
  for (const f of unit.functions.filter((x) => !x.hasParseError)) {
    expect(f.node.type).toBe('function_definition');
    expect(unit.lineMap.locate(f.node.startIndex).file).toBe(f.location.file);
    expect(f.node.childForFieldName('declarator')?.text).toContain(f.name);
  }
}

function describeErrors(unit: ParsedUnit): string {
  return unit.errors
    .slice(0, 10)
    .map((e) => `${e.location.file}:${e.location.line}:${e.location.column}: ${e.message}`)
    .join('\n');
}

describe('real-world preprocessed C', () => {
  test('many glibc headers and a program using them', () => {
    const path = fixture('glibc-heavy.c');
    const text = preprocess(path, ['-std=gnu11']);
    const unit = parseTranslationUnit(path, text);
    const cov = coverage(unit);
    expect(cov.main).toBe(7);
    expect(cov.mainOk / cov.main, describeErrors(unit)).toBeGreaterThanOrEqual(0.99);
    expect(unit.errors, describeErrors(unit)).toEqual([]);
    // glibc declares hundreds of functions; the symbol table sees them with their parameters.
    expect(unit.symbols.function('pthread_create')?.parameters).toHaveLength(4);
    expect(unit.symbols.function('printf')?.variadic).toBe(true);
    expect(unit.symbols.struct('sockaddr_in')?.field('sin_port')?.type).toBe('in_port_t');
    expect(unit.symbols.struct('conn')?.field('refs')?.type).toBe('atomic_int');
    expect(applyEdits(text, new EditSet(), unit.lineMap)).toBe(text);
    expectFunctionNodes(unit);
  });

  test('kernel-style driver code (list_head, container_of, asm goto, _Generic, ops tables)', () => {
    const path = fixture('kernel-style.c');
    const text = preprocess(path, ['-std=gnu11']);
    const unit = parseTranslationUnit(path, text);
    const cov = coverage(unit);
    expect(cov.main).toBe(15);
    expect(cov.mainOk, describeErrors(unit)).toBe(cov.main);
    expect(unit.errors).toEqual([]);
    const ring = unit.symbols.struct('e1000_ring');
    expect(ring?.field('desc')?.attributes.map((a) => [a.name, a.args])).toEqual([['fgft_count', 'count']]);
    expect(ring?.field('buffer')?.pointerAttributes[0].map((a) => a.name)).toEqual(['aligned']);
    expect(unit.symbols.struct('e1000_tx_desc')?.attributes.map((a) => a.name)).toEqual(['packed']);
    expect(unit.symbols.enumConstant('E1000_MASK')?.value).toBe(10n);
    expect(unit.symbols.global('e1000_ops')?.type).toBe('const struct net_ops');
    expectFunctionNodes(unit);
  });
});

/** Debian's kernel headers: /usr/src/linux-headers-<ver>-<flavour>, which includes the -common tree. */
function findKernelHeaders(): { dir: string; common: string } | undefined {
  if (!existsSync('/usr/src')) return undefined;
  for (const name of readdirSync('/usr/src').sort().reverse()) {
    const dir = `/usr/src/${name}`;
    if (!name.startsWith('linux-headers-') || !existsSync(`${dir}/include/generated/autoconf.h`)) continue;
    const makefile = existsSync(`${dir}/Makefile`) ? readFileSync(`${dir}/Makefile`, 'utf8') : '';
    const m = /^include\s+(\S+)\/Makefile/m.exec(makefile);
    const common = m ? m[1] : dir;
    if (existsSync(`${common}/include/linux/module.h`)) return { dir, common };
  }
  return undefined;
}

/** The preprocessing part of the flags kbuild passes for an x86-64 module (see a module's .o.cmd). */
function kbuildFlags(common: string): string[] {
  return [
    '-nostdinc',
    `-I${common}/arch/x86/include`,
    '-I./arch/x86/include/generated',
    `-I${common}/include`,
    '-I./include',
    `-I${common}/arch/x86/include/uapi`,
    '-I./arch/x86/include/generated/uapi',
    `-I${common}/include/uapi`,
    '-I./include/generated/uapi',
    '-include', `${common}/include/linux/compiler-version.h`,
    '-include', `${common}/include/linux/kconfig.h`,
    '-include', `${common}/include/linux/compiler_types.h`,
    '-D__KERNEL__', '-std=gnu11', '-fno-PIE', '-m64', '-mno-red-zone', '-mcmodel=kernel', '-O2',
    '-DCC_USING_FENTRY', '-DMODULE', '-DKBUILD_BASENAME="kmod_netdev"', '-DKBUILD_MODNAME="kmod_netdev"',
    '-D__KBUILD_MODNAME=kmod_kmod_netdev',
  ];
}

const kernel = findKernelHeaders();

describe.skipIf(!kernel)('Linux kernel headers (kbuild flags)', () => {
  test(`module including <linux/module.h>, netdevice, pci (${kernel?.dir ?? 'absent'})`, () => {
    const path = fixture('kmod-netdev.c');
    const text = preprocess(path, kbuildFlags(kernel!.common), kernel!.dir);
    const unit = parseTranslationUnit(path, text);
    const cov = coverage(unit);
    expect(cov.main).toBeGreaterThanOrEqual(5); // module_init/module_exit add their own
    expect(cov.mainOk / cov.main, describeErrors(unit)).toBeGreaterThanOrEqual(0.99);
    // The headers define thousands of static inline functions; almost all must parse.
    const headerFunctions = unit.functions.filter((f) => !f.inMainFile);
    expect(headerFunctions.length).toBeGreaterThan(1000);
    expect(headerFunctions.filter((f) => f.hasParseError).length / headerFunctions.length, describeErrors(unit)).toBeLessThan(0.01);
    expect(unit.symbols.struct('net_device_ops')?.field('ndo_start_xmit')?.isFunctionPointer).toBe(true);
    expect(unit.symbols.struct('sk_buff')?.field('len')?.type).toBe('unsigned int');
    expect(applyEdits(text, new EditSet(), unit.lineMap)).toBe(text);
  }, 60_000);
});

test.runIf(!kernel)('kernel headers absent: the kbuild test above is skipped', () => {
  console.warn('fgftc front end: no /usr/src/linux-headers-* with include/generated found; skipping the kernel-headers parse test (install linux-headers-amd64 to run it)');
});
