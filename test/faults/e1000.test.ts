// The example driver in one-build mode: every site of every operator compiled
// into e1000_main.c and e1000_ethtool.c must still build with the example's
// own flags (-std=gnu11 -Wall -Wextra -Werror), and every operator finds sites.
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { transformTranslationUnit } from '../../compiler/pipeline.js';
import { operators } from '../../fault-inject/operators/index.js';
import { RUNTIME_DIR, workDir } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const E1000 = join(ROOT, 'examples/e1000');
const FLAGS = ['-std=gnu11', `-I${join(ROOT, 'runtime-c/include')}`, `-I${join(ROOT, 'annotations')}`];
const execFileAsync = promisify(execFile);

test('e1000 with every fault site compiled in builds warning-free', async () => {
  const dir = workDir('e1000');
  const perOperator = new Map<string, number>();
  await Promise.all(
    ['e1000_main.c', 'e1000_ethtool.c'].map(async (file) => {
      const path = join(E1000, file);
      const text = execFileSync('gcc', ['-E', '-D__FGFTC__', ...FLAGS, path], { encoding: 'latin1', maxBuffer: 1 << 28 });
      const t = transformTranslationUnit(path, text, { fault: { operator: 'all', schemata: true } });
      expect(t.diagnostics.errorCount).toBe(0);
      const details = t.stats.details?.['fault-inject'] as { injected: { operator: string }[]; skipped: string[] };
      expect(details.skipped).toEqual([]);
      for (const r of details.injected) perOperator.set(r.operator, (perOperator.get(r.operator) ?? 0) + 1);
      const out = join(dir, file.replace(/\.c$/, '.i'));
      writeFileSync(out, t.output, 'latin1');
      const { stderr } = await execFileAsync('gcc', [...FLAGS, `-I${RUNTIME_DIR}`, '-O2', '-Wall', '-Wextra', '-Werror', '-c', '-o', `${out}.o`, out]);
      expect(stderr).toBe('');
    }),
  );
  for (const op of operators) expect(perOperator.get(op.name) ?? 0, op.name).toBeGreaterThan(0);
}, 120_000);
