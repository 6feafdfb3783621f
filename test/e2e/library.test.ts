// The public API as a user imports it: `from 'faultline'`, resolved through package.json exports to dist/.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from './support/build-once.js';

beforeAll(() => buildOnce());

function runModule(code: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("import from 'faultline'", () => {
  it('loads no Docker code and no database driver from the check entry', () => {
    const run = runModule(`
      import { createRequire } from 'node:module';
      const check = await import('faultline/check');
      const same = (await import('faultline')).checkHistory === check.checkHistory;
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules.(dockerode|execa|pg|ioredis|mariadb|ssh2)/.test(f));
      console.log(JSON.stringify({ same, loaded }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ same: true, loaded: [] });
  });

  it('loads the check entry as one bundled file, plus the shared error classes, and no package', () => {
    const hooks = `export async function resolve(s, c, next) { const r = await next(s, c); if (!r.url.startsWith('node:')) process.stdout.write(r.url + '\\n'); return r; }`;
    const run = runModule(`
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
      await import('faultline/check');
    `);
    expect(run.stderr).toBe('');
    const files = [...new Set(run.stdout.trim().split('\n'))].map((url) =>
      url.replace(/^.*?\/dist\//, 'dist/'),
    );
    expect(files.sort()).toEqual([
      'dist/src/check-bundle.js',
      'dist/src/core/errors.js',
      'dist/src/history/truncated-history-error.js',
    ]);
  });

  it('exports from the bundle exactly what src/index.ts exports, with the same error classes', () => {
    const run = runModule(`
      const bundle = await import('faultline/check');
      const modules = await import('./dist/src/index.js');
      const runner = await import('faultline/runner');
      console.log(JSON.stringify({
        same: Object.keys(bundle).sort().join() === Object.keys(modules).sort().join(),
        errors: bundle.FaultlineError === modules.FaultlineError && bundle.HistoryError === modules.HistoryError,
        runnerErrors: runner.FaultlineError === undefined || runner.FaultlineError === bundle.FaultlineError,
      }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ same: true, errors: true, runnerErrors: true });
  });

  it('exposes checkLinearizability, models and readHistory from the built package', () => {
    const run = runModule(`
      import { checkLinearizability, models, readHistory } from 'faultline';
      const history = await readHistory('examples/cas-register-invalid.jsonl');
      const result = await checkLinearizability(history, { model: 'cas-register' });
      console.log(JSON.stringify({ models: Object.keys(models), valid: result.valid, events: history.length }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      models: expect.arrayContaining(['register', 'cas-register', 'kv']) as unknown,
      valid: false,
      events: 8,
    });
  });

  it('exposes the same check path as the CLI, and the history codecs', () => {
    const run = runModule(`
      import { checkHistory, parseHistory, validateHistory, HistoryError } from 'faultline';
      const history = parseHistory('{:type :invoke :process 0 :f :write :value 1}\\n{:type :ok :process 0 :f :write :value 1}');
      const { result } = await checkHistory(history, { model: 'register' });
      let line;
      try { validateHistory(parseHistory('{"type":"ok","process":0,"f":"read"}')); } catch (e) { line = e instanceof HistoryError && e.line; }
      console.log(JSON.stringify({ valid: result.valid, line }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, line: 1 });
  });

  it('exposes runTest from faultline/runner, and analyzeRun, which checks a stored run again and rewrites its reports', () => {
    const run = runModule(`
      import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
      import { join } from 'node:path';
      import { tmpdir } from 'node:os';
      import { analyzeRun, readStoredTest, runTest } from 'faultline/runner';
      const dir = mkdtempSync(join(tmpdir(), 'faultline-library-'));
      writeFileSync(join(dir, 'test.json'), JSON.stringify({ name: 'mem', system: 'mem', workload: 'w', nemesis: [], nodes: 1, concurrency: 1, seed: 1 }));
      writeFileSync(join(dir, 'history.jsonl'), [
        { index: 0, type: 'invoke', process: 0, f: 'read', value: null, time: 1 },
        { index: 1, type: 'ok', process: 0, f: 'read', value: 1, time: 2 },
      ].map((op) => JSON.stringify(op)).join('\\n') + '\\n{"index":2,"ty');
      const workload = {
        name: 'w',
        description: 'reads return 1',
        generator: () => { throw new Error('not used'); },
        checkers: () => [{ name: 'ones', check: (h) => ({ checker: 'ones', valid: h.every((o) => o.type !== 'ok' || o.value === 1), anomalies: [] }) }],
      };
      const outcome = await analyzeRun(dir, workload);
      console.log(JSON.stringify({
        runTest: typeof runTest,
        name: readStoredTest(dir).name,
        exitCode: outcome.exitCode,
        checkers: outcome.results.map((r) => r.checker),
        dropped: outcome.droppedTruncatedLine,
        report: existsSync(join(dir, 'index.html')),
      }));
    `);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      runTest: 'function',
      name: 'mem',
      exitCode: 0,
      checkers: ['ones', 'some-ok'],
      dropped: 3,
      report: true,
    });
  });
});
