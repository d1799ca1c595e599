// @file response files: our reading must equal gcc's own (libiberty) reading.
// Each case is checked against the expected words and against gcc itself
// (`gcc -### @file` echoes the options it read in COLLECT_GCC_OPTIONS).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandResponseFiles, quoteResponseWord, splitResponseText } from '../../compiler/driver/response-files.js';
import { gcc } from './helpers.js';

const cases: Array<[string, string[]]> = [
  ['-DA=1 -DB=2', ['-DA=1', '-DB=2']],
  ['  -DA=1\n\t-DB=2  \n', ['-DA=1', '-DB=2']],
  ["-DA='x y'", ['-DA=x y']],
  ['-DA="x y"', ['-DA=x y']],
  ['-DA=x\\ y', ['-DA=x y']],
  ['-DA="q\\"r"', ['-DA=q"r']],
  ["'-DA=\\''", ["-DA='"]],
  ['-DA="it\'s"', ["-DA=it's"]],
  ["-DA='say \"hi\"'", ['-DA=say "hi"']],
  ['-DA=a"b c"d', ['-DA=ab cd']],
  ['-DA=\\\\', ['-DA=\\']],
  ["-DA='multi\nline'", ['-DA=multi\nline']],
  ['-DA=""', ['-DA=']],
];

/** The -D definitions gcc read, from the COLLECT_GCC_OPTIONS line of `gcc -###`. */
function gccDefinitions(stderr: string): string[] {
  const line = stderr.slice(stderr.lastIndexOf("COLLECT_GCC_OPTIONS='"));
  const words = [...line.slice('COLLECT_GCC_OPTIONS='.length).matchAll(/'((?:[^']|'\\'')*)'/g)].map((m) =>
    m[1].replace(/'\\''/g, "'"),
  );
  const defs: string[] = [];
  for (let i = 0; i < words.length; i++) if (words[i] === '-D') defs.push(`-D${words[++i]}`);
  return defs;
}

const scratch = mkdtempSync(join(tmpdir(), 'fgftc-rsp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('response files', () => {
  cases.forEach(([text, words], k) => {
    it(`splits ${JSON.stringify(text)} as gcc does`, () => {
      expect(splitResponseText(text)).toEqual(words);
      const file = join(scratch, `case${k}.rsp`);
      writeFileSync(file, text, 'latin1');
      const r = gcc(['-###', `@${file}`, '-E', '-x', 'c', '/dev/null'], scratch);
      expect(gccDefinitions(r.stderr)).toEqual(words);
    });
  });

  it('keeps an empty quoted word', () => {
    expect(splitResponseText('a "" b')).toEqual(['a', '', 'b']);
  });

  it('expands nested files and keeps unreadable ones as words', () => {
    const files: Record<string, string> = { 'outer.rsp': '-c @inner.rsp x.c', 'inner.rsp': "-DX='1 2' -O2" };
    const r = expandResponseFiles(['-Wall', '@outer.rsp', '@missing.rsp', '@'], (p) => files[p]);
    expect(r).toEqual({ args: ['-Wall', '-c', '-DX=1 2', '-O2', 'x.c', '@missing.rsp', '@'], expanded: true });
    expect(expandResponseFiles(['-c', 'x.c'], () => undefined)).toEqual({ args: ['-c', 'x.c'], expanded: false });
  });

  it('quotes words so that they read back unchanged', () => {
    const words = ['plain', 'with space', "it's", 'say "hi"', 'back\\slash', '', 'tab\there', 'new\nline'];
    expect(splitResponseText(words.map(quoteResponseWord).join(' '))).toEqual(words);
  });
});
