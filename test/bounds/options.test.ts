import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundsOptionsFromArgs, boundsRuntimeSource } from '../../compiler/passes/bounds/options.js';
import { UserError } from '../../compiler/diagnostics.js';

describe('bounds options', () => {
  it.each([
    [[], undefined, []],
    [['-O2', '--fgftc-bounds'], { optimize: true, failMode: 'abort' }, ['-O2']],
    [['--fgftc-bounds', '--fgftc-bounds-fail=log', '--fgftc-no-bounds-optimize'], { optimize: false, failMode: 'log' }, []],
    [['--fgftc-bounds', '--fgftc-bounds-no-opt=hoist,dominating'], { optimize: true, failMode: 'abort', disabledOptimizations: ['hoist', 'dominating'] }, []],
  ])('%j', (argv, options, rest) => {
    expect(boundsOptionsFromArgs(argv)).toEqual({ options, rest });
  });

  it('rejects an unknown failure mode', () => {
    expect(() => boundsOptionsFromArgs(['--fgftc-bounds-fail=panic'])).toThrow(UserError);
  });

  it('finds the check runtime', () => {
    expect(existsSync(boundsRuntimeSource())).toBe(true);
  });
});
