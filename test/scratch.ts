// Scratch directories for tests, removed after the test file that made them
// (set FGFTC_KEEP_TEST_FILES=1 to keep them for a post-mortem). Importing this
// module registers the clean-up with the importing file's suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

afterAll(() => {
  if (process.env.FGFTC_KEEP_TEST_FILES) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the system temp dir, named `<prefix>-XXXXXX`. */
export function makeScratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}
