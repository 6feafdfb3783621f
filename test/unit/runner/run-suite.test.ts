import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../../../src/runner/run-suite.js';
import type { RunOutcome, TestSpec } from '../../../src/runner/test-spec.js';

const outcome = (valid: true | false | 'unknown', exitCode: number): RunOutcome => ({
  status: 'passed',
  verdict: valid,
  exitCode,
  runDir: 'x',
  runId: 'r',
  results: [{ checker: 'c', valid, anomalies: valid === false ? [{ id: 'G1c', message: 'cycle' }] : [] }],
  counts: { invoke: 3, ok: 2, fail: 1, info: 0 },
});

describe('runSuite', () => {
  it('runs every test in its directory, keeps index.json and junit.xml, merges the verdicts', async () => {
    const store = mkdtempSync(join(tmpdir(), 'faultline-suite-'));
    const seen: string[] = [];
    const answers = [outcome(true, 0), outcome(false, 1), outcome('unknown', 2)];
    const spec = { seed: 1 } as unknown as TestSpec;
    const result = await runSuite({
      name: 'toy-suite',
      storeDir: store,
      tests: ['a', 'b', 'c'].map((name, i) => ({ ...spec, name, seed: i })),
      meta: { system: 'toy' },
      run: (s) => {
        seen.push(`${s.name}@${s.storeDir}`);
        return Promise.resolve(answers.shift()!);
      },
    });
    expect(seen.every((s) => s.endsWith(`@${result.dir}`))).toBe(true);
    expect(result.verdict).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.rows.map((r) => r.anomalies)).toEqual(['', 'G1c×1', '']);
    const index = JSON.parse(readFileSync(join(result.dir, 'index.json'), 'utf8')) as {
      system: string;
      tests: unknown[];
    };
    expect(index.system).toBe('toy');
    expect(index.tests).toHaveLength(3);
    const junit = readFileSync(join(result.dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(3);
    expect(junit).toContain('<testsuites name="toy-suite" tests="3" failures="1" errors="1"');
  });
});
