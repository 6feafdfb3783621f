// Bundles the library's check entry (dist/src/index.js, `faultline` and `faultline/check`) into one
// file, dist/src/check-bundle.js: importing ~160 small ES modules costs Node far more (resolve, stat,
// read, compile each) than one file of the same code (docs/decisions.md, "One file for the check entry").
// The error classes stay outside, so `instanceof FaultlineError` holds across all entry points, and
// each bundled module keeps its own `import.meta.url` (the worker threads find worker.js by it).
import { build } from 'esbuild';
import console from 'node:console';
import { dirname, relative, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, 'dist');
const entry = resolve(dist, 'src/index.js');
const outfile = resolve(dist, 'src/check-bundle.js');

/** Modules loaded as themselves, not copied into the bundle: the classes users test with instanceof. */
const shared = ['src/core/errors.js', 'src/history/truncated-history-error.js'].map((p) => resolve(dist, p));

/** A relative import specifier from the bundle to `file`. */
function fromBundle(file) {
  const rel = relative(dirname(outfile), file).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

const keepShared = {
  name: 'keep-shared',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      return shared.includes(file) ? { path: fromBundle(file), external: true } : undefined;
    });
  },
};

const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'js' };
    });
  },
};

// The shared modules are re-exported at the top: esbuild cannot pass on an `export *` of an external
// module from inside the bundle (src/core/index.ts has one for errors.js).
const contents = [entry, ...shared]
  .map((file) => `export * from ${JSON.stringify(fromBundle(file))};`)
  .join('\n');

await build({
  stdin: { contents, resolveDir: dirname(outfile), sourcefile: 'check-entry.js', loader: 'js' },
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  plugins: [keepShared, ownImportMetaUrl],
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
});
console.log(`bundled ${relative(root, entry)} into ${relative(root, outfile)}`);
