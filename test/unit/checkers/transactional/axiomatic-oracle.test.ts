// The transactional checker against the independent axiomatic oracle, model by model, on random
// small histories of both workloads. The checker may say unknown; it must never say invalid when the
// oracle allows the history, nor valid when the oracle does not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransactional } from '../../../../checkers/transactional/index.js';
import { ORACLE_MODELS, oracleAllows, type OracleWorkload } from './axiomatic-oracle.js';
import type { OracleTxn } from './axiomatic-oracle.js';
import { planTxns, txnHistory, txnPlans } from './random-txn-history.js';

const RUNS = 1500;

describe.each(['list-append', 'rw-register'] as const)('%s: checker vs axiomatic oracle', (workload) => {
  it.each(Object.keys(ORACLE_MODELS))('%s', (model) => {
    const tally = { allowed: 0, forbidden: 0, unknown: 0 };
    fc.assert(
      fc.property(txnPlans(), (plans) => {
        const txns = planTxns(workload as OracleWorkload, plans);
        const allowed = oracleAllows(workload, txns, model);
        const r = checkTransactional(txnHistory(txns), { workload, consistencyModel: model });
        tally[allowed ? 'allowed' : 'forbidden']++;
        if (r.valid === 'unknown') tally.unknown++;
        const why = JSON.stringify({ txns, valid: r.valid, anomalies: r.anomalies.map((a) => a.message) });
        if (r.valid === false) expect(allowed, why).toBe(false);
        if (r.valid === true) expect(allowed, why).toBe(true);
      }),
      { numRuns: RUNS, seed: 9 },
    );
    // Both answers must occur often, or the comparison says little (read committed forbids little).
    expect(tally.allowed).toBeGreaterThan(RUNS / 10);
    expect(tally.forbidden).toBeGreaterThan(model === 'read-committed' ? RUNS / 100 : RUNS / 20);
  });
});

// Known answer tying the repeatable-read property test to a case: write skew. T1 and T2 both read
// x = 1 and y = 1 (from T0), then T1 writes x and T2 writes y. Snapshot isolation allows it; an
// item anti-dependency cycle (G2-item), so repeatable read (PL-2.99) and serializable forbid it.
describe('write skew: oracle and checker agree (known answer)', () => {
  const txns: OracleTxn[] = [
    {
      process: 0,
      status: 'ok',
      inv: 0,
      end: 1,
      mops: [
        ['w', 0, 1],
        ['w', 1, 1],
      ],
    },
    {
      process: 1,
      status: 'ok',
      inv: 2,
      end: 5,
      mops: [
        ['r', 0, 1],
        ['r', 1, 1],
        ['w', 0, 2],
      ],
    },
    {
      process: 2,
      status: 'ok',
      inv: 3,
      end: 6,
      mops: [
        ['r', 0, 1],
        ['r', 1, 1],
        ['w', 1, 2],
      ],
    },
  ];
  it.each([
    ['snapshot-isolation', true],
    ['repeatable-read', false],
    ['serializable', false],
  ] as const)('%s: allowed = %s', (model, allowed) => {
    expect(oracleAllows('rw-register', txns, model)).toBe(allowed);
    const r = checkTransactional(txnHistory(txns), { workload: 'rw-register', consistencyModel: model });
    expect(r.valid).toBe(allowed);
  });
});
