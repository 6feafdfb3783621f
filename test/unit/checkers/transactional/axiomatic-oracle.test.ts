// The transactional checker against the independent axiomatic oracle, model by model, on random
// small histories of both workloads. The checker may say unknown; it must never say invalid when the
// oracle allows the history, nor valid when the oracle does not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransactional } from '../../../../checkers/transactional/index.js';
import { ORACLE_MODELS, oracleAllows, type OracleWorkload } from './axiomatic-oracle.js';
import type { OracleTxn } from './axiomatic-oracle.js';
import { planTxns, txnHistory, txnPlans } from './random-txn-history.js';

// ORACLE_RUNS / ORACLE_SEED widen a local run (e.g. ORACLE_RUNS=20000); CI keeps 1,500 with seed 9.
const RUNS = Number(process.env.ORACLE_RUNS ?? 1500);
const SEED = Number(process.env.ORACLE_SEED ?? 9);

/** How often the oracle must forbid a case: read committed and PL-1 forbid little. */
function minForbidden(workload: OracleWorkload, model: string): number {
  // rw-register reads at PL-1 only need a value someone wrote; the generator never makes a future
  // or garbage read, so nothing is forbidden and only "never invalid" is compared (known answers
  // below cover the forbidden side).
  if (model === 'read-uncommitted') return workload === 'rw-register' ? 0 : RUNS / 300;
  return model === 'read-committed' ? RUNS / 100 : RUNS / 20;
}

/** Models whose forbidden cycles are all of them (G0 to G2-item), some with session or real-time order. */
const EVERY_CYCLE_FORBIDDEN = new Set([
  'repeatable-read',
  'serializable',
  'strong-session-serializable',
  'strict-serializable',
]);

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
      { numRuns: RUNS, seed: SEED },
    );
    // Both answers must occur often, or the comparison says little (read committed forbids little).
    expect(tally.allowed).toBeGreaterThan(RUNS / 10);
    // list-append's only open orders are appends no read shows; a model that forbids every cycle
    // gets them closed along a topological order of the whole (acyclic) graph, so it never has
    // to say unknown. (Seed 9: 25 to 70 unknown per such model when only ww and wr ranked it.)
    if (workload === 'list-append' && EVERY_CYCLE_FORBIDDEN.has(model)) expect(tally.unknown).toBe(0);
    expect(tally.forbidden).toBeGreaterThanOrEqual(minForbidden(workload, model));
  });
});

// Found by the property test (seed 11): an info transaction, if it commits, commits after its
// session predecessor. T1 (info) follows T0 in process 0; T2 read T1's write of key 2 but the
// initial key 1, which T0 overwrote: G-single-process, ruled out by strong-session models.
describe('info transaction after its session predecessor (known answer)', () => {
  const at = (
    process: number,
    status: OracleTxn['status'],
    inv: number,
    mops: OracleTxn['mops'],
  ): OracleTxn => ({
    process,
    status,
    inv,
    end: status === 'info' ? Infinity : inv + 1,
    mops,
  });
  const txns: OracleTxn[] = [
    at(0, 'ok', 0, [['w', 1, 1]]),
    at(0, 'info', 2, [['w', 2, 2]]),
    at(1, 'ok', 4, [
      ['r', 1, null],
      ['r', 2, 2],
    ]),
  ];
  it.each([
    ['serializable', true],
    ['strong-session-snapshot-isolation', false],
    ['strong-session-serializable', false],
  ] as const)('%s: allowed = %s', (model, allowed) => {
    expect(oracleAllows('rw-register', txns, model)).toBe(allowed);
    const r = checkTransactional(txnHistory(txns), { workload: 'rw-register', consistencyModel: model });
    expect(r.valid).toBe(allowed);
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

const txn = (
  process: number,
  status: OracleTxn['status'],
  inv: number,
  mops: OracleTxn['mops'],
): OracleTxn => ({
  process,
  status,
  inv,
  end: status === 'info' ? Infinity : inv + 1,
  mops,
});

// Known answers for the PL-1 and PL-2+ oracles, each checked against the checker too.
describe('read uncommitted and consistent view (known answers)', () => {
  const cases: [string, OracleWorkload, OracleTxn[], [string, boolean][]][] = [
    [
      // Read skew: T1 reads x from T0 and y from T2, which appended to x next: rw T1 -> T2, wr T2 -> T1.
      'read skew (G-single)',
      'list-append',
      [
        txn(0, 'ok', 0, [
          ['append', 0, 1],
          ['append', 1, 1],
        ]),
        txn(1, 'ok', 2, [
          ['r', 0, [1]],
          ['r', 1, [1, 2]],
        ]),
        txn(2, 'ok', 3, [
          ['append', 0, 2],
          ['append', 1, 2],
        ]),
        txn(3, 'ok', 6, [['r', 0, [1, 2]]]),
      ],
      [
        ['read-committed', true],
        ['consistent-view', false],
        ['read-uncommitted', true],
      ],
    ],
    [
      // x shows T0 before T1, y shows T1 before T0: a write cycle (G0).
      'write cycle (G0)',
      'list-append',
      [
        txn(0, 'ok', 0, [
          ['append', 0, 1],
          ['append', 1, 1],
        ]),
        txn(1, 'ok', 0, [
          ['append', 0, 2],
          ['append', 1, 2],
        ]),
        txn(2, 'ok', 5, [
          ['r', 0, [1, 2]],
          ['r', 1, [2, 1]],
        ]),
      ],
      [
        ['read-uncommitted', false],
        ['consistent-view', false],
      ],
    ],
    [
      // A read of an aborted append (G1a): PL-1 allows it, PL-2 and PL-2+ do not.
      'aborted read (G1a)',
      'list-append',
      [txn(0, 'fail', 0, [['append', 0, 1]]), txn(1, 'ok', 2, [['r', 0, [1]]])],
      [
        ['read-uncommitted', true],
        ['read-committed', false],
        ['consistent-view', false],
      ],
    ],
    [
      // A read of an intermediate state (G1b): T1 sees T0's first append only.
      'intermediate read (G1b)',
      'list-append',
      [
        txn(0, 'ok', 0, [
          ['append', 0, 1],
          ['append', 0, 2],
        ]),
        txn(1, 'ok', 2, [['r', 0, [1]]]),
      ],
      [
        ['read-uncommitted', true],
        ['consistent-view', false],
      ],
    ],
    [
      // A read of the value the transaction writes next: a future read, ruled out at PL-1 already.
      'future read',
      'rw-register',
      [
        txn(0, 'ok', 0, [
          ['r', 0, 1],
          ['w', 0, 1],
        ]),
      ],
      [['read-uncommitted', false]],
    ],
    [
      // Found by the property test: T0 aborted after appending 1 then 2, and T1 read [2]. No state
      // of the key was ever [2] (2 sits after 1), so PL-1 forbids it (fractured-append); PL-2 also
      // forbids it as an aborted read (G1a).
      'aborted appends read out of program order',
      'list-append',
      [
        txn(0, 'fail', 0, [
          ['append', 1, 1],
          ['append', 1, 2],
        ]),
        txn(0, 'ok', 99, [
          ['r', 1, [2]],
          ['append', 0, 3],
        ]),
      ],
      [
        ['read-uncommitted', false],
        ['read-committed', false],
        ['consistent-view', false],
      ],
    ],
    [
      // An append on top of an aborted txn's first append, its second one missing: [1, 3] never
      // existed (the aborted appends stay together), while [1, 2, 3] did (a dirty update, PL-2).
      'committed append between aborted appends',
      'list-append',
      [
        txn(0, 'fail', 0, [
          ['append', 0, 1],
          ['append', 0, 2],
        ]),
        txn(1, 'ok', 2, [['append', 0, 3]]),
        txn(2, 'ok', 4, [['r', 0, [1, 3]]]),
      ],
      [
        ['read-uncommitted', false],
        ['read-committed', false],
      ],
    ],
    [
      'committed append after aborted appends (dirty update)',
      'list-append',
      [
        txn(0, 'fail', 0, [
          ['append', 0, 1],
          ['append', 0, 2],
        ]),
        txn(1, 'ok', 2, [['append', 0, 3]]),
        txn(2, 'ok', 4, [['r', 0, [1, 2, 3]]]),
      ],
      [
        ['read-uncommitted', true],
        ['read-committed', false],
      ],
    ],
    [
      // Found by the property test (seed 11): T1 read key 0 = [1], so aborted T0 comes first on
      // key 0; T2 read key 1 = [3], so T1 comes before T0's append of 2 there. A write cycle
      // through the aborted T0 (no order of whole transactions gives both states): G0 at PL-1.
      'write cycle through an aborted transaction',
      'list-append',
      [
        txn(0, 'fail', 0, [
          ['append', 0, 1],
          ['append', 1, 2],
        ]),
        txn(0, 'ok', 2, [
          ['append', 1, 3],
          ['r', 0, [1]],
          ['append', 0, 4],
        ]),
        txn(0, 'ok', 4, [
          ['r', 1, [3]],
          ['append', 0, 5],
        ]),
      ],
      [
        ['read-uncommitted', false],
        ['read-committed', false],
      ],
    ],
    [
      // A prefix of an aborted txn's appends is a state that existed: allowed at PL-1.
      'aborted intermediate read',
      'list-append',
      [
        txn(0, 'fail', 0, [
          ['append', 0, 1],
          ['append', 0, 2],
        ]),
        txn(1, 'ok', 2, [['r', 0, [1]]]),
      ],
      [
        ['read-uncommitted', true],
        ['read-committed', false],
      ],
    ],
    [
      // An indeterminate writer read by two transactions: allowed when it is taken as committed.
      'indeterminate writer',
      'rw-register',
      [txn(0, 'info', 0, [['w', 0, 1]]), txn(1, 'ok', 2, [['r', 0, 1]]), txn(2, 'ok', 4, [['r', 0, 1]])],
      [
        ['read-uncommitted', true],
        ['consistent-view', true],
      ],
    ],
  ];
  describe.each(cases)('%s', (_name, workload, txns, answers) => {
    it.each(answers)('%s: allowed = %s', (model, allowed) => {
      expect(oracleAllows(workload, txns, model)).toBe(allowed);
      const r = checkTransactional(txnHistory(txns), { workload, consistencyModel: model });
      expect(r.valid).toBe(allowed);
    });
  });
});
