// fgftc's own options are taken out of the gcc command line and turned into
// driver settings and TransformOptions; bad ones are user errors.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../compiler/diagnostics.js';
import { defaultFgftcOptions, splitFgftcOptions, validateFgftcOptions } from '../../compiler/driver/fgftc-options.js';

function split(args: string[], env: NodeJS.ProcessEnv = {}) {
  const fgftc = defaultFgftcOptions(env);
  const { gccArgs } = splitFgftcOptions(args, fgftc);
  validateFgftcOptions(fgftc);
  return { fgftc, gccArgs };
}

describe('fgftc options', () => {
  const table: Array<{ args: string[]; env?: NodeJS.ProcessEnv; gcc: string[]; expect: object }> = [
    { args: ['-c', 'a.c'], gcc: ['-c', 'a.c'],
      expect: { cc: ['gcc'], keep: false, transform: { bounds: { optimize: true, failMode: 'abort', scope: 'fgft-header' } } } },
    { args: ['--fgftc-bounds', 'a.c'], gcc: ['a.c'], expect: { transform: { bounds: { scope: 'annotated' } } } },
    { args: ['--fgftc-no-bounds', 'a.c'], gcc: ['a.c'], expect: { transform: { bounds: undefined } } },
    { args: ['--fault', 'scanoverrun', '--seed', '1', '-c', 'a.c'], gcc: ['-c', 'a.c'],
      expect: { transform: { fault: { operator: 'scanoverrun', seed: 1 } } } },
    { args: ['--fault=offbyone', '--fault-site=f:3:1:offbyone#1', 'a.c'], gcc: ['a.c'],
      expect: { transform: { fault: { operator: 'offbyone', siteId: 'f:3:1:offbyone#1' } } } },
    { args: ['-c', 'a.c'], env: { FGFTC_CC: 'ccache  gcc-12' }, gcc: ['-c', 'a.c'], expect: { cc: ['ccache', 'gcc-12'] } },
    { args: ['--cc=clang', '-O2', 'a.c'], env: { FGFTC_CC: 'gcc' }, gcc: ['-O2', 'a.c'], expect: { cc: ['clang'] } },
    { args: ['--keep', '--stats=-', '-c', 'a.c'], gcc: ['-c', 'a.c'], expect: { keep: true, statsPath: '-' } },
    { args: ['--stats=out/s.jsonl', 'a.c'], gcc: ['a.c'], expect: { statsPath: 'out/s.jsonl' } },
    { args: ['--fgftc-bounds', 'a.c'], gcc: ['a.c'], expect: { transform: { bounds: { optimize: true, failMode: 'abort' } } } },
    { args: ['--fgftc-bounds-fail=recover', '--fgftc-no-bounds-optimize'], gcc: [],
      expect: { transform: { bounds: { optimize: false, failMode: 'recover' } } } },
    { args: ['--fgftc-stubs', '--fgftc-no-probes'], gcc: [], expect: { transform: { stubs: { enabled: true, probes: false } } } },
    { args: ['--fgftc-fault=null-deref', '--fgftc-fault-seed=7', '--fgftc-fault-site=f:3', '--fgftc-fault-schemata'], gcc: [],
      expect: { transform: { fault: { operator: 'null-deref', seed: 7, siteId: 'f:3', schemata: true } } } },
  ];
  for (const c of table) {
    it(c.args.join(' '), () => {
      const { fgftc, gccArgs } = split(c.args, c.env);
      expect(gccArgs).toEqual(c.gcc);
      expect(fgftc).toMatchObject(c.expect);
    });
  }

  const errors: Array<[string[], RegExp]> = [
    [['--fgftc-nonsense'], /unrecognized fgftc option '--fgftc-nonsense'/],
    [['--fgftc-bounds-fail=maybe'], /expected abort, log or recover/],
    [['--fgftc-fault'], /missing argument to '--fgftc-fault=OPERATOR'/],
    [['--fgftc-bounds=1'], /takes no argument/],
    [['--fgftc-fault=x', '--fgftc-fault-seed=-1'], /non-negative integer/],
    [['--fgftc-fault-seed=3'], /need '--fgftc-fault=OPERATOR'/],
    [['--cc='], /--cc is empty/],
    [['--stats='], /missing argument/],
    [['--stats', 'x'], /missing argument to '--stats='/],
    [['--fault'], /missing argument to '--fault'/],
    [['--seed', '2'], /need '--fgftc-fault=OPERATOR'/],
  ];
  for (const [args, message] of errors) {
    it(`rejects ${args.join(' ')}`, () => {
      expect(() => split(args)).toThrow(UserError);
      expect(() => split(args)).toThrow(message);
    });
  }
});
