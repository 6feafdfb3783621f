// The import layers and what each may import: the one table that test/unit/architecture.test.ts enforces
// and test/unit/docs/architecture-doc.test.ts compares with docs/architecture.md.

/** Layer of a file, by path prefix. Order matters: more specific prefixes first. */
export const layers: readonly (readonly [prefix: string, layer: string])[] = [
  ['src/core/', 'core'],
  ['src/history/', 'history'],
  ['src/generator/', 'generator'],
  ['src/check/', 'check'],
  ['src/control/', 'control'],
  ['src/sdk/', 'sdk'],
  ['src/runner/', 'runner'],
  ['src/cli/', 'cli'],
  ['src/index.ts', 'check-api'],
  ['src/api/', 'api'],
  ['checkers/', 'checkers'],
  ['workloads/', 'workloads'],
  ['nemesis/', 'nemesis'],
  ['systems/', 'systems'],
  ['reports/', 'reports'],
  ['bench/', 'bench'],
];

/** The CLI and the runner's library entry sit on top: they may import every layer below them. */
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
export const allowed: Readonly<Record<string, readonly string[]>> = {
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
  'check-api': ['core', 'history', 'checkers', 'check'],
  api: [...entryPoints, 'check-api'],
  bench: ['core', 'history', 'generator', 'checkers', 'control', 'runner', 'reports', 'workloads'],
};
