// Imports point one way (docs/architecture.md, from the table in test/support/layers.ts). This test reads every source file and rejects an import that
// goes against the direction, so the layering cannot rot silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowed, layers } from '../support/layers.js';

const root = resolve(import.meta.dirname, '../..');

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

  it('only src/control imports dockerode or execa', () => {
    const offenders = files.filter((f) => {
      if (layerOf(f) === 'control') return false;
      return /from\s+['"](dockerode|execa)['"]/.test(readFileSync(f, 'utf8'));
    });
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
