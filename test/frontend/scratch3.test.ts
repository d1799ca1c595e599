import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { parseTranslationUnit } from '../../compiler/frontend/parse.js';
test('gh', () => {
  const f = process.env.F ?? '/tmp/gh.i';
  const text = readFileSync(f, 'latin1');
  const t0 = performance.now();
  const u = parseTranslationUnit(f, text);
  console.log('ms', performance.now() - t0, 'lines', text.split('\n').length);
  for (const e of u.errors.slice(0, Number(process.env.N ?? 30))) console.log(e.location, e.message, JSON.stringify(text.slice(e.start, Math.min(e.end, e.start + 300))));
  const m = u.functions.filter(f => f.inMainFile);
  console.log('errors', u.errors.length, 'main fns', m.length, 'bad', m.filter(f => f.hasParseError).map(f => f.name), 'all fns', u.functions.length);
});
