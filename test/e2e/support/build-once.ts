// Builds dist/ once for all e2e files: under a lock, and only when a source is newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
const STAMP = join(root, 'dist', '.e2e-build-stamp');
const SOURCES = [
  'src',
  'checkers',
  'nemesis',
  'workloads',
  'systems',
  'reports',
  'bench',
  'scripts',
  'tsconfig.build.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Compiles and bundles the project like `npm run build`, unless dist/ is newer than every source. Type errors
 * elsewhere in a tree under active work do not stop tsc from emitting, so only a missing CLI entry
 * fails here. Called by build-step.ts under a lock, so parallel e2e files build once.
 */
export function buildIfStale(): void {
  if (existsSync(STAMP) && SOURCES.every((s) => newestMtime(join(root, s)) < statSync(STAMP).mtimeMs)) return;
  const started = new Date();
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'ignore',
  });
  if (!existsSync(join(root, 'dist/src/cli/main.js'))) return;
  spawnSync(process.execPath, [join(root, 'scripts/bundle-check-entry.mjs')], { cwd: root, stdio: 'ignore' });
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
}

/** Builds (if stale) under /tmp/faultline-e2e-build.lock; throws when there is no CLI to run afterwards. */
export function buildOnce(): void {
  const step = join(import.meta.dirname, 'build-step.ts');
  const run = spawnSync(
    'flock',
    ['/tmp/faultline-e2e-build.lock', process.execPath, '--import', 'tsx', step],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0 || !existsSync(join(root, 'dist/src/cli/main.js'))) {
    throw new Error(`building faultline for the e2e tests failed:\n${run.stdout}\n${run.stderr}`);
  }
}
