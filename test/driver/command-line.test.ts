// Splitting gcc command lines: which words are options (with which argument
// words and role), which are inputs (of which kind), the mode and the output.
import { describe, expect, it } from 'vitest';
import { inputs, options, parseCommandLine } from '../../compiler/driver/command-line.js';

interface Case {
  args: string[];
  mode: string;
  output?: string;
  inputs: Array<[string, string]>; // [path, kind]
  /** Options as [words joined by ' ', role]; only checked when given. */
  options?: Array<[string, string]>;
}

const cases: Case[] = [
  {
    args: ['-c', 'a.c', '-o', 'a.o'],
    mode: 'compile-only', output: 'a.o', inputs: [['a.c', 'c']],
    options: [['-c', 'mode'], ['-o a.o', 'output']],
  },
  { args: ['-S', '-c', 'a.c'], mode: 'assemble-only', inputs: [['a.c', 'c']] },
  { args: ['-E', '-S', '-c', 'a.c'], mode: 'preprocess', inputs: [['a.c', 'c']] },
  { args: ['-oa.out', 'x.c', 'y.o', 'liby.a', 'z.s', 'w.S'], mode: 'link', output: 'a.out',
    inputs: [['x.c', 'c'], ['y.o', 'linker'], ['liby.a', 'linker'], ['z.s', 'other-source'], ['w.S', 'other-source']] },
  { args: ['--output=p', 'x.i'], mode: 'link', output: 'p', inputs: [['x.i', 'preprocessed-c']] },
  // Separate-argument options must not swallow or leave inputs.
  {
    args: ['-I', 'inc', '-D', 'X=1', '-U', 'Y', '-include', 'cfg.h', '-imacros', 'm.h', '-isystem', '/sys',
      '-iquote', 'q', '-idirafter', 'late', '-MF', 'd.d', '-MT', 't', '-MQ', 'q$', '-c', 'a.c'],
    mode: 'compile-only', inputs: [['a.c', 'c']],
    options: [['-I inc', 'ordinary'], ['-D X=1', 'ordinary'], ['-U Y', 'ordinary'], ['-include cfg.h', 'ordinary'],
      ['-imacros m.h', 'ordinary'], ['-isystem /sys', 'ordinary'], ['-iquote q', 'ordinary'],
      ['-idirafter late', 'ordinary'], ['-MF d.d', 'dependency'], ['-MT t', 'dependency'], ['-MQ q$', 'dependency'],
      ['-c', 'mode']],
  },
  {
    args: ['-Xlinker', '--gc-sections', '-Xassembler', '--noexecstack', '-Xpreprocessor', '-dD', '-L', 'lib', '-l', 'm',
      '-u', 'sym', '-T', 'x.ld', '--param', 'max-inline-insns-single=9', '-aux-info', 'aux.txt', '-wrapper', 'gdb,--args', 'm.c'],
    mode: 'link', inputs: [['m.c', 'c']],
    options: [['-Xlinker --gc-sections', 'link'], ['-Xassembler --noexecstack', 'link'], ['-Xpreprocessor -dD', 'preprocessor'],
      ['-L lib', 'link'], ['-l m', 'link'], ['-u sym', 'link'], ['-T x.ld', 'link'],
      ['--param max-inline-insns-single=9', 'ordinary'], ['-aux-info aux.txt', 'ordinary'], ['-wrapper gdb,--args', 'ordinary']],
  },
  {
    args: ['-Wp,-MMD,.a.o.d', '-Wl,-O1,--as-needed', '-Wa,-adhln', '-lm', '-Lx', '-Tscript.ld', '-MFx.d', '-undef', '-c', 'a.c'],
    mode: 'compile-only', inputs: [['a.c', 'c']],
    options: [['-Wp,-MMD,.a.o.d', 'preprocessor'], ['-Wl,-O1,--as-needed', 'link'], ['-Wa,-adhln', 'link'], ['-lm', 'link'],
      ['-Lx', 'link'], ['-Tscript.ld', 'link'], ['-MFx.d', 'dependency'], ['-undef', 'ordinary'], ['-c', 'mode']],
  },
  // -x applies to the inputs after it until -x none; joined -xc too.
  { args: ['-x', 'c', 'foo.txt', '-x', 'none', 'bar.c', '-xassembler-with-cpp', 'k.lds', 'q.o'], mode: 'link',
    inputs: [['foo.txt', 'c'], ['bar.c', 'c'], ['k.lds', 'other-source'], ['q.o', 'other-source']] },
  { args: ['-x', 'cpp-output', 'p.c', '-c'], mode: 'compile-only', inputs: [['p.c', 'preprocessed-c']] },
  { args: ['-c', 'hdr.h', 'x.cc', 'y.m'], mode: 'compile-only',
    inputs: [['hdr.h', 'other-source'], ['x.cc', 'other-source'], ['y.m', 'other-source']] },
  // stdin: only with -x, or with -E (gcc treats it as C then).
  { args: ['-c', '-'], mode: 'compile-only', inputs: [['-', 'stdin-without-language']] },
  { args: ['-x', 'c', '-c', '-'], mode: 'compile-only', inputs: [['-', 'c']] },
  { args: ['-E', '-'], mode: 'preprocess', inputs: [['-', 'c']] },
  // kbuild's cc-option probe.
  { args: ['-Werror', '-mno-red-zone', '-c', '-x', 'c', '/dev/null', '-o', '.tmp.o'], mode: 'compile-only', output: '.tmp.o',
    inputs: [['/dev/null', 'c']] },
  // -M/-MM imply -E.
  { args: ['-MM', 'a.c'], mode: 'preprocess', inputs: [['a.c', 'c']] },
  // A separate-argument option at the very end has no argument: gcc reports that itself.
  { args: ['a.c', '-o'], mode: 'link', inputs: [['a.c', 'c']], options: [['-o', 'output']] },
  { args: ['--version'], mode: 'link', inputs: [], options: [['--version', 'query']] },
  { args: ['-print-file-name=include'], mode: 'link', inputs: [], options: [['-print-file-name=include', 'query']] },
];

describe('parseCommandLine', () => {
  for (const c of cases) {
    it(c.args.join(' '), () => {
      const cmd = parseCommandLine(c.args);
      expect(cmd.mode).toBe(c.mode);
      expect(cmd.output).toBe(c.output);
      expect(inputs(cmd).map((i) => [i.path, i.kind])).toEqual(c.inputs);
      if (c.options) expect(options(cmd).map((o) => [o.words.join(' '), o.role])).toEqual(c.options);
      // Nothing lost or reordered: the words come back exactly.
      expect(cmd.items.flatMap((i) => (i.type === 'option' ? i.words : [i.path]))).toEqual(c.args);
    });
  }
});
