// Start-up cost of the CLI and of the library's check entry, as ratios to a bare `node -e 0`
// measured in the same run (interleaved, so machine load hits both alike). Targets (issue 14):
// `--version` within 3x, `check` of a shipped small history within 5x, importing the check entry
// in under 100 ms.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchSuite } from '../harness.js';
import { median } from '../harness.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root, from bench/suites (sources) or dist/bench/suites (built). */
const root = resolve(here, import.meta.url.endsWith('.ts') ? '../..' : '../../..');
const bin = resolve(root, 'bin/faultline.js');
const REPEATS = 9;

/** Wall time of one process run, in ms. */
function timeProcess(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return ms;
}

/** A command timed against `node -e 0`, alternating the two, with the ratio of their medians. */
function ratioCase(name: string, args: readonly string[], target: number): BenchCase {
  return {
    name,
    params: { command: `faultline ${args.join(' ')}`, repeats: REPEATS, targetRatio: target },
    quick: true,
    run: () => {
      const base: number[] = [];
      const cmd: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        base.push(timeProcess(['-e', '0']));
        cmd.push(timeProcess([bin, ...args]));
      }
      const ratio = median(cmd) / median(base);
      return Promise.resolve({
        ops: REPEATS,
        verdict: {
          ratio: Math.round(ratio * 100) / 100,
          commandMs: Math.round(median(cmd)),
          nodeMs: Math.round(median(base)),
          met: ratio <= target,
        },
      });
    },
  };
}

/** Time to import the library's check entry in a fresh process (the import alone, not node's start). */
function importCase(): BenchCase {
  const code =
    "const t = performance.now(); await import('faultline/check'); console.log(performance.now() - t);";
  return {
    name: 'import-faultline-check',
    params: { entry: 'faultline/check', repeats: REPEATS, targetMs: 100 },
    quick: true,
    run: () => {
      const ms: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
          cwd: root,
          encoding: 'utf8',
        });
        if (run.status !== 0) throw new Error(`import failed:\n${run.stderr}`);
        ms.push(Number(run.stdout.trim()));
      }
      const importMs = median(ms);
      return Promise.resolve({
        ops: REPEATS,
        verdict: { importMs: Math.round(importMs), met: importMs < 100 },
      });
    },
  };
}

export const suite: BenchSuite = {
  name: 'startup',
  cases: () => [
    ratioCase('version', ['--version'], 3),
    ratioCase('check-small', ['check', 'examples/cas-register-valid.jsonl', '--model', 'cas-register'], 5),
    ratioCase('help', ['--help'], 3),
    importCase(),
  ],
};
