import { describe, expect, it } from 'vitest';
import { checkTransactional } from '../../../checkers/transactional/index.js';
import { summarizeResult } from '../../../reports/anomaly-summary.js';
import { resultsJson } from '../../../reports/results-json.js';
import { history } from '../../support/history.js';
import { txn } from '../checkers/transactional/txn-builders.js';

// Write skew: snapshot isolation allows it, serializability does not.
const writeSkew = history(
  ...txn(0, ['r', 'x', []], ['append', 'y', 1]),
  ...txn(1, ['r', 'y', []], ['append', 'x', 2]),
);

describe('what a valid transactional result found though allowed', () => {
  it('the summary line names the model, the allowed anomalies and the strongest models still possible', () => {
    const r = checkTransactional(writeSkew, {
      workload: 'list-append',
      consistencyModel: 'snapshot-isolation',
    });
    expect(r.valid).toBe(true);
    expect(summarizeResult(r)).toMatch(
      /^transactional: valid for snapshot-isolation; found G2-item \(allowed\); strongest still possible: .*snapshot-isolation/,
    );
  });

  it('results.json carries the summary and the allowed findings', () => {
    const r = checkTransactional(writeSkew, {
      workload: 'list-append',
      consistencyModel: 'snapshot-isolation',
    });
    const doc = resultsJson(writeSkew, [r]);
    expect(doc.checkers[0]!.allowed).toMatchObject({
      model: 'snapshot-isolation',
      allowed: { 'G2-item': 1 },
    });
    expect(doc.checkers[0]!.summary).toContain('found G2-item (allowed)');
  });

  it('an invalid result keeps its usual summary', () => {
    const r = checkTransactional(writeSkew, { workload: 'list-append', consistencyModel: 'serializable' });
    expect(summarizeResult(r)).toBe('transactional: invalid (G2-item)');
    expect(resultsJson(writeSkew, [r]).checkers[0]!.allowed).toBeNull();
  });
});
