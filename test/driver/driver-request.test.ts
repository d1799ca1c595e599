// fgftc options may come on the command line or inside @files; what cc gets
// when fgftc passes a call through keeps the user's @files where it can.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputs } from '../../compiler/driver/command-line.js';
import { readDriverRequest } from '../../compiler/driver/driver.js';

const scratch = mkdtempSync(join(tmpdir(), 'fgftc-request-'));
const cwd = process.cwd();
beforeAll(() => {
  writeFileSync(join(scratch, 'plain.rsp'), '-O2 -c a.c');
  writeFileSync(join(scratch, 'ours.rsp'), '--stats=- -O2 --fgftc-stubs -c a.c');
  process.chdir(scratch);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

describe('readDriverRequest', () => {
  const table: Array<{ args: string[]; passthrough: string[]; inputs: string[]; stats?: string; stubs?: boolean }> = [
    { args: ['--keep', '-O2', '-c', 'a.c'], passthrough: ['-O2', '-c', 'a.c'], inputs: ['a.c'] },
    { args: ['@plain.rsp', '-g'], passthrough: ['@plain.rsp', '-g'], inputs: ['a.c'] },
    { args: ['@ours.rsp', '-g'], passthrough: ['-O2', '-c', 'a.c', '-g'], inputs: ['a.c'], stats: '-', stubs: true },
    { args: ['@missing.rsp'], passthrough: ['@missing.rsp'], inputs: ['@missing.rsp'] },
  ];
  for (const c of table) {
    it(c.args.join(' '), () => {
      const r = readDriverRequest(c.args, {});
      expect(r.passthroughArgs).toEqual(c.passthrough);
      expect(inputs(r.command).map((i) => i.path)).toEqual(c.inputs);
      expect(r.fgftc.statsPath).toBe(c.stats);
      expect(r.fgftc.transform.stubs?.enabled).toBe(c.stubs);
    });
  }
});
