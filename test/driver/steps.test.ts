// The commands fgftc builds for cc. gcc is the oracle: `gcc -###` shows what
// its driver would pass to cc1, for the user's command and for fgftc's
// preprocessing step; the dependency file, targets and -MP must agree, and so
// must the -save-temps names.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputs, parseCommandLine, type InputItem } from '../../compiler/driver/command-line.js';
import { auxiliaryBase, finalArguments, preprocessArguments } from '../../compiler/driver/steps.js';
import { gcc } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'fgftc-steps-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
mkdirSync(join(scratch, 'src'));
mkdirSync(join(scratch, 'obj'));
for (const f of ['src/a.c', 'src/b.c', 'c.c', 'x.y.c']) writeFileSync(join(scratch, f), 'int x;\n');

/** Words of each cc1 command line printed by `gcc -###`. */
function cc1Lines(args: string[]): string[][] {
  const r = gcc(['-###', ...args], scratch);
  return r.stderr
    .split('\n')
    .filter((l) => /\/cc1 /.test(l))
    .map((l) => [...l.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1]?.replace(/\\(.)/g, '$1') ?? m[2]));
}

interface Dependencies {
  file?: string;
  style?: string;
  targets: string[];
  phony: boolean;
}

/** What cc1 will do about dependencies, from its arguments (later -MD/-MF win). */
function dependenciesOf(cc1: string[]): Dependencies {
  const d: Dependencies = { targets: [], phony: false };
  for (let i = 0; i < cc1.length; i++) {
    const w = cc1[i];
    if (w === '-MD' || w === '-MMD') {
      d.style = w;
      d.file = cc1[++i];
    } else if (w === '-MF') d.file = cc1[++i];
    else if (w === '-MT' || w === '-MQ') d.targets.push(`${w} ${cc1[++i]}`);
    else if (w === '-MP') d.phony = true;
  }
  return d;
}

function cc1For(lines: string[][], input: InputItem): string[] {
  const line = lines.find((l) => l.includes(input.path));
  if (!line) throw new Error(`no cc1 line for ${input.path}`);
  return line;
}

const dependencyCases: string[][] = [
  ['-MD', '-c', 'src/a.c'],
  ['-MMD', '-MP', '-c', 'src/a.c', '-o', 'obj/a.o'],
  ['-MD', '-MF', 'deps/a.dep', '-c', 'src/a.c', '-o', 'obj/a.o'],
  ['-MD', '-MT', 'custom', '-c', 'src/a.c', '-o', 'obj/a.o'],
  ['-MMD', '-MQ', 'q$', '-MT', 't', '-c', 'src/a.c', '-o', 'obj/a.o'],
  ['-MD', '-S', 'src/a.c', '-o', 'a.s'],
  ['-MD', '-E', 'src/a.c', '-o', 'a.i'],
  ['-MD', '-E', 'src/a.c'],
  ['-MD', 'src/a.c', 'src/b.c', '-o', 'prog'],
  ['-MD', '-c', 'src/a.c', 'src/b.c'],
  ['-MD', '-c', 'x.y.c', '-o', 'obj.d/x'],
  ['-MMD', '-c', 'c.c', '-o', '.c.o'],
  ['-Wp,-MMD,obj/.a.o.d', '-c', 'src/a.c', '-o', 'obj/a.o'],
  ['-Wp,-MD,obj/.a.o.d', '-MP', '-c', 'src/a.c', '-o', 'obj/a.o'],
  ['-MD', '-x', 'c', '-c', '-', '-o', 'obj/stdin.o'],
];

describe('preprocessing step: dependency files as gcc writes them', () => {
  for (const args of dependencyCases) {
    it(args.join(' '), () => {
      const cmd = parseCommandLine(args);
      const original = cc1Lines(args);
      for (const input of inputs(cmd)) {
        const expected = dependenciesOf(cc1For(original, input));
        const ours = cc1Lines(preprocessArguments(cmd, input, join(scratch, 'tmp', 'x.i')));
        expect(ours).toHaveLength(1);
        expect(dependenciesOf(ours[0])).toEqual(expected);
      }
    });
  }

  it('defines __FGFTC__, keeps preprocessor options, drops link and output options', () => {
    const cmd = parseCommandLine(['-O2', '-Iinc', '-include', 'k.h', '-Wl,-z,now', '-lm', '-c', 'src/a.c', '-o', 'obj/a.o',
      '-save-temps', '-nostdinc', '-isystem', '/usr/include']);
    expect(preprocessArguments(cmd, inputs(cmd)[0], '/t/a.i')).toEqual(['-E', '-D__FGFTC__', '-O2', '-Iinc', '-include', 'k.h',
      '-nostdinc', '-isystem', '/usr/include', '-x', 'c', 'src/a.c', '-o', '/t/a.i']);
  });
});

describe('final step', () => {
  const table: Array<{ args: string[]; expected: string[] }> = [
    { args: ['-O2', '-c', 'src/a.c', '-o', 'obj/a.o'], expected: ['-O2', '-c', '/t/1/a.i', '-o', 'obj/a.o'] },
    { args: ['-o', 'p', 'crt.o', 'src/a.c', 'x.s', '-lm', 'src/b.c', 'lib.a'],
      expected: ['-o', 'p', 'crt.o', '/t/1/a.i', 'x.s', '-lm', '/t/2/b.i', 'lib.a'] },
    { args: ['-x', 'c', 'a.txt', 'b.txt', '-c'], expected: ['-x', 'c', '-x', 'cpp-output', '/t/1/a.i', '-x', 'c', '-x', 'cpp-output', '/t/2/b.i', '-c'] },
    { args: ['-x', 'c', '-c', '-', '-o', 'o.o'], expected: ['-x', 'c', '-c', '-x', 'cpp-output', '/t/1/-.i', '-o', 'o.o'] },
  ];
  for (const { args, expected } of table) {
    it(args.join(' '), () => {
      const cmd = parseCommandLine(args);
      const sources = inputs(cmd).filter((i) => i.kind === 'c');
      const replacements = new Map(sources.map((s, k) => [s, `/t/${k + 1}/${s.path === '-' ? '-' : s.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '')}.i`]));
      expect(finalArguments(cmd, replacements)).toEqual(expected);
    });
  }
});

describe('-save-temps names match gcc', () => {
  const table: string[][] = [
    ['-save-temps', '-c', 'src/a.c'],
    ['-save-temps', '-c', 'src/a.c', '-o', 'obj/a.o'],
    ['-save-temps', '-S', 'src/a.c', '-o', 'obj/a.s'],
    ['-save-temps', 'src/a.c', 'src/b.c', '-o', 'obj/prog'],
    ['-save-temps', 'src/a.c', 'src/b.c'],
  ];
  for (const args of table) {
    it(args.join(' '), () => {
      const cmd = parseCommandLine(args);
      const lines = cc1Lines(args);
      for (const input of inputs(cmd)) {
        const pre = lines.find((l) => l.includes('-E') && l.includes(input.path));
        const kept = pre?.[pre.indexOf('-o') + 1];
        expect(`${auxiliaryBase(cmd, input)}.i`).toBe(kept);
      }
    });
  }
});
