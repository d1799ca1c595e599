// Fuzzing the front end with a seeded PRNG: truncated files, byte garbage,
// unbalanced braces and random mutations of a valid driver-style file. The
// front end must never throw, must report what it cannot parse, and the
// emitter with no edits must give the input back byte-identical.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EditSet } from '../../compiler/emit/edits.js';
import { applyEdits } from '../../compiler/emit/emit.js';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
import { hasRealError } from '../../compiler/frontend/tree-util.js';

const FIXTURE = new URL('../fixtures/frontend/kernel-style.c', import.meta.url);
const VALID = readFileSync(FIXTURE, 'latin1');
/** The same file preprocessed: line markers, glibc headers, expanded macros. */
// Preprocessed from inside the fixtures folder, so the line markers (and so the cases) do not depend on
// where the checkout lives.
const PREPROCESSED = execFileSync('gcc', ['-E', '-std=gnu11', 'kernel-style.c'], { cwd: dirname(fileURLToPath(FIXTURE)) }).toString('latin1');

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutator = (rand: () => number, s: string) => string;

const int = (rand: () => number, n: number): number => Math.floor(rand() * n);

const MUTATORS: Record<string, Mutator> = {
  truncate: (rand, s) => s.slice(0, int(rand, s.length)),
  'truncate preprocessed': (rand) => PREPROCESSED.slice(0, int(rand, PREPROCESSED.length)),
  garbage: (rand) => Array.from({ length: 1 + int(rand, 2000) }, () => String.fromCharCode(int(rand, 256))).join(''),
  'unbalanced braces': (rand, s) => {
    let out = s;
    for (let k = 0; k < 1 + int(rand, 5); k++) {
      const at = int(rand, out.length);
      out = rand() < 0.5 ? out.slice(0, at) + '{' + out.slice(at) : out.slice(0, at) + '}' + out.slice(at);
    }
    return out;
  },
  'delete braces or parens': (rand, s) => {
    const positions = [...s.matchAll(/[{}()]/g)].map((m) => m.index);
    let out = s;
    for (let k = 0; k < 1 + int(rand, 4); k++) {
      const at = positions[int(rand, positions.length)];
      out = out.slice(0, at) + ' ' + out.slice(at + 1);
    }
    return out;
  },
  'byte flips': (rand, s) => {
    const chars = s.split('');
    for (let k = 0; k < 1 + int(rand, 20); k++) chars[int(rand, chars.length)] = String.fromCharCode(int(rand, 256));
    return chars.join('');
  },
  'splice lines': (rand, s) => {
    const lines = s.split('\n');
    for (let k = 0; k < 1 + int(rand, 6); k++) {
      const from = int(rand, lines.length);
      const to = int(rand, lines.length);
      if (rand() < 0.5) lines.splice(to, 0, lines[from]);
      else lines.splice(from, 1);
    }
    return lines.join('\n');
  },
  'unterminated literals and comments': (rand, s) => {
    const at = int(rand, s.length);
    const token = ['"', "'", '/*', '__attribute__((', 'typeof(', 'asm(', '# 3 "x.h" 1\n', '_Pragma('][int(rand, 8)];
    return s.slice(0, at) + token + s.slice(at);
  },
};

const CASES_PER_MUTATOR = 40;

describe('front-end fuzz', () => {
  test.each(Object.keys(MUTATORS))('%s', (name) => {
    const rand = prng(0xf9f7c ^ name.length * 7919);
    const mutate = MUTATORS[name];
    let sawErrors = 0;
    for (let k = 0; k < CASES_PER_MUTATOR; k++) {
      const input = mutate(rand, VALID);
      let unit;
      try {
        unit = parseTranslationUnit('fuzz.c', input);
      } catch (e) {
        throw new Error(`${name} case ${k} threw: ${(e as Error).stack}\n--- input ---\n${input.slice(0, 500)}`);
      }
      expect(unit.parseText.length).toBe(input.length);
      // Whatever tree-sitter could not parse is reported as a region.
      if (hasRealError(unit.tree.rootNode)) expect(unit.errors.length).toBeGreaterThan(0);
      if (unit.errors.length > 0) sawErrors++;
      for (const e of unit.errors) {
        expect(e.start).toBeLessThanOrEqual(e.end);
        expect(e.end).toBeLessThanOrEqual(input.length);
        expect(e.location.line).toBeGreaterThanOrEqual(1);
      }
      expect(applyEdits(input, new EditSet(), unit.lineMap)).toBe(input);
      // Symbols and function lists are usable on broken input too.
      for (const f of unit.functions) expect(typeof f.name).toBe('string');
      unit.symbols.struct('e1000_ring')?.fields.forEach((f) => expect(typeof f.type).toBe('string'));
    }
    if (name === 'garbage') expect(sawErrors).toBe(CASES_PER_MUTATOR);
    else expect(sawErrors).toBeGreaterThan(0);
  });
});
