// The CLI commands that only read files, and the library's check entry, load no Docker code and no
// database driver: this follows their static imports (a dynamic `import()` loads only when it runs).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Packages that talk to Docker, run processes or speak a database's protocol. */
const heavy = ['dockerode', 'execa', 'ssh2', 'pg', 'ioredis', 'mariadb', 'nats', 'amqplib'];

/** Static, non-type imports of a source file: relative ones resolved to .ts files, and bare package names. */
function staticImports(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)(?!\s+type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) files.push(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
    else if (!spec.startsWith('node:')) packages.push(spec.split('/')[0]!);
  }
  return { files, packages };
}

/** Every package reached from `entry` through static imports, with the file that imports it. */
function reachedPackages(entry: string): Map<string, string> {
  const seen = new Set<string>();
  const found = new Map<string, string>();
  const stack = [resolve(root, entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    expect(existsSync(file), `${file} exists`).toBe(true);
    const { files, packages } = staticImports(file);
    for (const p of packages) if (!found.has(p)) found.set(p, relative(root, file));
    stack.push(...files);
  }
  return found;
}

const lightEntries = [
  'src/index.ts',
  'src/cli/main.ts',
  'src/cli/commands/check.ts',
  'src/cli/commands/analyze.ts',
  'src/cli/commands/serve.ts',
  'src/cli/commands/systems.ts',
];

describe('light entry points', () => {
  for (const entry of lightEntries) {
    it(`${entry} reaches no Docker code and no driver`, () => {
      const reached = reachedPackages(entry);
      const bad = heavy.filter((p) => reached.has(p)).map((p) => `${p} (from ${reached.get(p)})`);
      expect(bad).toEqual([]);
    });
  }

  it('sees a heavy import where there is one (the test command)', () => {
    expect(reachedPackages('src/cli/commands/test.ts').has('dockerode')).toBe(true);
  });
});

describe('the check entry as published', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    main: string;
    exports: Record<string, { default: string }>;
    scripts: Record<string, string>;
  };

  it('resolves faultline and faultline/check to the one-file bundle of src/index.ts', () => {
    expect(pkg.exports['.']!.default).toBe('./dist/src/check-bundle.js');
    expect(pkg.exports['./check']!.default).toBe('./dist/src/check-bundle.js');
    expect(pkg.main).toBe('dist/src/check-bundle.js');
    const script = readFileSync(resolve(root, 'scripts/bundle-check-entry.mjs'), 'utf8');
    expect(script).toContain("resolve(dist, 'src/index.js')");
    expect(script).toContain("resolve(dist, 'src/check-bundle.js')");
  });

  it('builds the bundle in every build, also the one npm ci runs', () => {
    expect(pkg.scripts['build']).toContain('node scripts/bundle-check-entry.mjs');
    expect(pkg.scripts['prepare']).toBe('npm run build');
  });
});
