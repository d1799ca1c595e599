// Where fgftc's own files are (runtime-c/, fault-inject/runtime/, ...), found
// from a module's location: in the source tree, in dist/, in the bundle and in
// a copied snapshot of dist/ + bin/ alike, the checkout is the nearest
// directory above that holds bin/fgftc.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function checkoutRoot(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(dir, 'bin', 'fgftc'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`fgftc: cannot find the fgftc checkout above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
  return dir;
}
