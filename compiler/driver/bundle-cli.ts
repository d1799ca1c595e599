// Build step after tsc: bundle the CLI (driver, pipeline, passes, commands)
// into a few ESM files in dist/bundle/, so that each compile loads a handful
// of files instead of ~90 modules. Code splitting keeps every dynamic import
// a separate chunk: a pass-through call (kbuild's compiler probes) still
// loads neither the pipeline nor tree-sitter. tree-sitter (native) stays
// external. Usage: node dist/compiler/driver/bundle-cli.js [--dist DIR]
// (DIR: the compiled tree to bundle beside, default the checkout's dist/; the
// build benchmark bundles into its private copy of dist/).
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..'); // dist/compiler/driver -> checkout

function distDirFromArgs(argv: readonly string[]): string {
  const k = argv.indexOf('--dist');
  return k >= 0 && argv[k + 1] ? resolve(argv[k + 1]) : join(repoRoot, 'dist');
}

const distDir = distDirFromArgs(process.argv.slice(2));
const bundleDir = join(distDir, 'bundle');

/**
 * Modules find files next to themselves with import.meta.url (the checkout,
 * the runtime C sources, the transform server's script). In the bundle each
 * such use is pointed at where tsc put that module in dist/, so they keep
 * meaning what they mean unbundled.
 */
const tscLayoutUrls: Plugin = {
  name: 'tsc-layout-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const compiled = join(distDir, relative(repoRoot, args.path)).replace(/\.ts$/, '.js');
      const fromBundle = relative(bundleDir, compiled).split(sep).join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

async function main(): Promise<void> {
  await build({
    entryPoints: {
      cli: join(repoRoot, 'compiler', 'cli.ts'),
      // The compile server and its workers (native client's fast path) run from the bundle too.
      'compile-server': join(repoRoot, 'compiler', 'driver', 'compile-server.ts'),
      'compile-worker': join(repoRoot, 'compiler', 'driver', 'compile-worker.ts'),
    },
    outdir: bundleDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external', // tree-sitter, tree-sitter-c, commander: loaded from node_modules
    plugins: [tscLayoutUrls],
    logLevel: 'warning',
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`fgftc bundle: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
