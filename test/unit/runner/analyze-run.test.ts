import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { History } from '../../../src/core/op.js';
import type { Workload } from '../../../src/core/workload.js';
import { analyzeRun } from '../../../src/runner/analyze-run.js';

/** A workload whose one check records how many events it was given: valid when all reads saw 1. */
const readsOne: Workload = {
  name: 'reads-one',
  description: 'every ok read returns 1',
  generator: () => {
    throw new Error('analyze never generates ops');
  },
  checkers: () => [
    {
      name: 'reads-one',
      check: (history: History) => {
        const bad = history.filter((o) => o.type === 'ok' && o.f === 'read' && o.value !== 1);
        return {
          checker: 'reads-one',
          valid: bad.length === 0,
          anomalies: bad.map((o) => ({ id: 'not-one', message: `read ${String(o.value)}`, ops: [o.index] })),
          stats: { events: history.length },
        };
      },
    },
  ],
};

const event = (index: number, type: string, process: number, f: string, value: unknown): string =>
  JSON.stringify({ index, type, process, f, value, time: (index + 1) * 1000 });

function runDir(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-analyze-'));
  const test = {
    name: 'mem-reads-one',
    system: 'mem',
    workload: 'reads-one',
    nemesis: [],
    nodes: 1,
    concurrency: 1,
    seed: 1,
  };
  writeFileSync(join(dir, 'test.json'), JSON.stringify(test));
  writeFileSync(join(dir, 'history.jsonl'), lines.join('\n'));
  return dir;
}

const complete = [
  event(0, 'invoke', 0, 'write', 1),
  event(1, 'ok', 0, 'write', 1),
  event(2, 'invoke', 0, 'read', null),
  event(3, 'ok', 0, 'read', 1),
];

describe('analyzeRun', () => {
  it('checks a complete history and rewrites the reports', async () => {
    const dir = runDir(complete);
    const outcome = await analyzeRun(dir, readsOne);
    expect(outcome).toMatchObject({ verdict: true, exitCode: 0 });
    expect(outcome.droppedTruncatedLine).toBeUndefined();
    expect(outcome.results.map((r) => [r.checker, r.valid, r.stats?.['events']])).toEqual([
      ['reads-one', true, 4],
      ['some-ok', true, undefined],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'))).toMatchObject({ verdict: true });
  });

  it('drops a last line cut short by a killed run, checks the rest, and says which line', async () => {
    const dir = runDir([...complete, event(4, 'invoke', 0, 'read', null), '{"index":5,"type":"ok","proc']);
    const outcome = await analyzeRun(dir, readsOne);
    expect(outcome.droppedTruncatedLine).toBe(6);
    expect(outcome.results[0]).toMatchObject({ valid: true, stats: { events: 5 } });
    expect(outcome.exitCode).toBe(0);
  });

  it('still rejects a malformed line that is not the last one', async () => {
    const dir = runDir([complete[0]!, '{"index":1,"type"', ...complete.slice(1)]);
    await expect(analyzeRun(dir, readsOne)).rejects.toThrow(/history\.jsonl:2: not valid JSON/);
  });
});
