#!/usr/bin/env node
// fgftc run by Node (bin/fgftc runs this when the native client cannot serve a call, or is not built).
// `npm run build` compiles TypeScript to dist/ and bundles the CLI into dist/bundle/ (a few files load much
// faster than ~90 modules, once per compile). The bundle is used unless dist/ was recompiled after it (a bare
// `tsc`): then the unbundled modules are the current code.
import { statSync } from 'node:fs';

function modified(relative) {
  try {
    return statSync(new URL(relative, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
}

const bundled = modified('../dist/bundle/cli.js');
const entry = bundled >= 0 && bundled >= modified('../dist/compiler/cli.js') ? '../dist/bundle/cli.js' : '../dist/compiler/cli.js';
if (process.env.FGFTC_DEBUG) process.stderr.write(`fgftc: debug: loading ${new URL(entry, import.meta.url).pathname}\n`);

import(entry).catch((err) => {
  const missing = err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('/cli.js');
  if (missing) {
    process.stderr.write('fgftc: error: not built yet; run `npm run build` (or `npm ci`) in the fgftc checkout\n');
    process.exit(1);
  }
  // A broken or half-written build: still one line, never a stack trace (FGFTC_DEBUG=1 shows it).
  process.stderr.write(`fgftc: internal error: cannot load fgftc: ${err && err.message ? err.message : String(err)}\n`);
  if (process.env.FGFTC_DEBUG && err && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(70);
});
