import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/checker.js';
import { resultsJson, RESULTS_SCHEMA_VERSION } from '../../../reports/results-json.js';
import { toJsonText } from '../../../reports/to-json-text.js';
import { history, info, invoke, nemesis, ok } from '../../support/history.js';

const h = history(
  invoke(0, 'write', 1),
  nemesis('start-partition', 'majority'),
  ok(0, 'write', 1),
  invoke(1, 'read', null),
  info(1, 'read', null),
  invoke(2, 'write', 9007199254740993n),
  nemesis('stop-partition', null),
);
const ok1: CheckResult = { checker: 'a', valid: true, anomalies: [] };
const bad: CheckResult = {
  checker: 'b',
  valid: false,
  anomalies: [
    { id: 'x', message: 'm' },
    { id: 'x', message: 'n' },
  ],
};
const unsure: CheckResult = { checker: 'c', valid: 'unknown', anomalies: [] };

describe('resultsJson', () => {
  it('merges verdicts (false > unknown > true) and gives the exit code', () => {
    expect(resultsJson(h, [ok1]).exitCode).toBe(0);
    expect(resultsJson(h, [ok1, unsure]).verdict).toBe('unknown');
    expect(resultsJson(h, [ok1, unsure]).exitCode).toBe(2);
    expect(resultsJson(h, [unsure, bad])).toMatchObject({ verdict: false, exitCode: 1 });
  });

  it('counts ops by outcome, nemesis events and faults', () => {
    expect(resultsJson(h, []).counts).toEqual({
      events: 7,
      ops: 3,
      ok: 1,
      fail: 0,
      info: 1,
      pending: 1,
      nemesisEvents: 2,
      faults: 1,
      byF: { write: { ok: 1, fail: 0, info: 0, pending: 1 }, read: { ok: 0, fail: 0, info: 1, pending: 0 } },
    });
  });

  it('summarises each checker and keeps its full result', () => {
    const doc = resultsJson(h, [bad, unsure], { name: 't' });
    expect(doc.schemaVersion).toBe(RESULTS_SCHEMA_VERSION);
    expect(doc.test).toEqual({ name: 't' });
    expect(doc.checkers[0]).toEqual({
      name: 'b',
      valid: false,
      anomalyCount: 2,
      anomalyIds: { x: 2 },
      unknownReason: null,
      summary: 'b: invalid (x ×2)',
      allowed: null,
      result: bad,
    });
    expect(doc.checkers[1]!.unknownReason).toBe('no reason given');
  });

  it('serialises bigints as decimal strings', () => {
    const big: CheckResult = { checker: 'd', valid: true, anomalies: [], max: 9007199254740993n };
    expect(toJsonText(resultsJson(h, [big]))).toContain('"max":"9007199254740993"');
  });

  it('documents every top-level and checker field in docs/results-schema.md', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/results-schema.md'), 'utf8');
    const out = resultsJson(h, [bad], { name: 't' });
    for (const key of [...Object.keys(out), ...Object.keys(out.checkers[0]!), ...Object.keys(out.counts)]) {
      expect(doc, key).toContain(`\`${key}\``);
    }
  });
});
