import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../../src/runner/analyze-run.js';
import { readTestRecord } from '../../../src/runner/read-test-record.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';

const fixture = join(import.meta.dirname, 'fixtures/run-before-test-record');

describe('readTestRecord', () => {
  it('reads a test.json written before TestRecord (no format, no nodeNames)', () => {
    const record = readTestRecord(fixture);
    expect(record.format).toBeUndefined();
    expect(record).toMatchObject({
      name: 'mem-register',
      system: 'mem',
      nodes: 3,
      seed: 7,
      status: 'passed',
    });
  });

  it('lets analyze check such a run again and write its report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-old-run-'));
    cpSync(fixture, dir, { recursive: true });
    const outcome = await analyzeRun(dir, registerWorkload);
    expect(outcome.verdict).toBe(true);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { test: { seed: number } };
    expect(results.test.seed).toBe(7);
  });

  it('names the field that is missing or of the wrong type', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bad-run-'));
    writeFileSync(
      join(dir, 'test.json'),
      JSON.stringify({ name: 'x', system: 'mem', workload: 'w', nodes: '3' }),
    );
    expect(() => readTestRecord(dir)).toThrow(/"nodes" should be a number/);
  });
});
