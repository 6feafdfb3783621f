// Imports point one way (DESIGN.md). This test reads every source file and rejects an import that
// goes against the direction, so the layering cannot rot silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Layer of a file, by folder. Order matters: more specific prefixes first. */
const layers: [string, string][] = [
  ['src/core/', 'core'],
  ['src/history/', 'history'],
  ['src/generator/', 'generator'],
  ['src/check/', 'check'],
  ['src/control/', 'control'],
  ['src/sdk/', 'sdk'],
  ['src/runner/', 'runner'],
  ['src/cli/', 'cli'],
  ['src/index.ts', 'api'],
  ['checkers/', 'checkers'],
  ['workloads/', 'workloads'],
  ['nemesis/', 'nemesis'],
  ['systems/', 'systems'],
  ['reports/', 'reports'],
  ['bench/', 'bench'],
];

/** The CLI and the public API (src/index.ts) sit on top: they may import every layer. */
const entryPoints = [
  'core',
  'control',
  'history',
  'generator',
  'checkers',
  'workloads',
  'nemesis',
  'systems',
  'reports',
  'runner',
  'check',
  'sdk',
];

/** What each layer may import (besides itself). */
const allowed: Record<string, string[]> = {
  core: [],
  history: ['core'],
  checkers: ['core', 'history'],
  workloads: ['core', 'checkers', 'history', 'generator'],
  generator: ['core'],
  check: ['core', 'history', 'checkers', 'reports'],
  control: ['core'],
  sdk: ['core', 'control'],
  nemesis: ['core', 'control', 'generator'],
  systems: ['core', 'control', 'workloads', 'history', 'sdk'],
  reports: ['core', 'history'],
  runner: ['core', 'control', 'history', 'generator', 'reports'],
  cli: entryPoints,
  api: entryPoints,
  bench: ['core', 'history', 'generator', 'checkers', 'control', 'runner', 'reports', 'workloads'],
};

function layerOf(path: string): string | undefined {
  const rel = relative(root, path).split(sep).join('/');
  return layers.find(([prefix]) => rel.startsWith(prefix))?.[1];
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const roots = ['src', 'checkers', 'workloads', 'nemesis', 'systems', 'reports', 'bench'].map((d) =>
  join(root, d),
);
const files = roots.flatMap((d) => sources(d));

describe('import direction', () => {
  it('finds source files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(relative(root, file), () => {
      const from = layerOf(file);
      expect(from, `${file} is in no known layer`).toBeDefined();
      const text = readFileSync(file, 'utf8');
      const bad: string[] = [];
      for (const m of text.matchAll(
        /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
      )) {
        const spec = m[1] ?? m[2];
        if (!spec) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if (to && to !== from && !allowed[from!]!.includes(to)) bad.push(`${spec} (${from} -> ${to})`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('only src/control imports dockerode, execa or ssh2', () => {
    const offenders = files.filter((f) => {
      if (layerOf(f) === 'control') return false;
      return /from\s+['"](dockerode|execa|ssh2)['"]/.test(readFileSync(f, 'utf8'));
    });
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

/**
 * Names of the built-in systems and of their options, read from their declarations. Outside
 * systems/ nothing may name them: a system is a plugin, and the CLI builds everything from it.
 */
async function systemWords(): Promise<RegExp[]> {
  const { builtinSystems } = await import('../../systems/builtin-systems.js');
  const names = builtinSystems.map((s) => `\\b${s.name}\\b`);
  const options = builtinSystems.flatMap((s) => s.options ?? []);
  const flags = options.map((o) => `${o.flag.split(' ')[0]!}\\b`);
  // Keys that are plain words (isolation, reads) are everyday words of checkers: only their flags count.
  const keys = options.filter((o) => /[A-Z]/.test(o.key)).map((o) => `\\b${o.key}\\b`);
  return [...new Set([...names, ...flags, ...keys])].map((w) => new RegExp(w));
}

describe('systems are self-contained', () => {
  it('no file outside systems/ names a built-in system or one of its options', async () => {
    const patterns = await systemWords();
    expect(patterns.length).toBeGreaterThan(5);
    const outside = files.filter((f) => layerOf(f) !== 'systems');
    const offenders = outside.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return patterns.filter((p) => p.test(text)).map((p) => `${relative(root, f)}: ${p.source}`);
    });
    expect(offenders).toEqual([]);
  });
});
