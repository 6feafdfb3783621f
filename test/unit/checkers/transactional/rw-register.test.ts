import { describe, expect, it } from 'vitest';
import { checkTransactional, checkWeakIsolation } from '../../../../checkers/transactional/index.js';
import type { History } from '../../../../src/core/op.js';
import { history } from '../../../support/history.js';
import { aborted, txn } from './txn-builders.js';

const check = (h: History, model = 'serializable') =>
  checkTransactional(h, { workload: 'rw-register', consistencyModel: model });

const valid: { name: string; model?: string; history: History; allows?: string[] }[] = [
  { name: 'empty', history: history() },
  {
    name: 'non-repeatable read is allowed by read committed',
    model: 'read-committed',
    allows: ['G-single'],
    history: history(
      ...txn(1, ['w', 'x', 1]),
      ...txn(2, ['w', 'x', 2]),
      ...txn(0, ['r', 'x', 1], ['r', 'x', 2]),
    ),
  },
  {
    name: 'internal is not a read-committed violation',
    model: 'read-committed',
    allows: ['internal'],
    history: history(...txn(1, ['w', 'x', 2]), ...txn(0, ['w', 'x', 1], ['r', 'x', 2])),
  },
  {
    name: 'serial reads and writes',
    model: 'strict-serializable',
    history: history(
      ...txn(0, ['r', 'x', null], ['w', 'x', 1]),
      ...txn(1, ['r', 'x', 1], ['w', 'x', 2], ['w', 'y', 1]),
      ...txn(0, ['r', 'x', 2], ['r', 'y', 1]),
    ),
  },
  { name: 'reads own write', history: history(...txn(0, ['w', 'x', 1], ['r', 'x', 1])) },
  {
    name: 'stale read is fine for serializable',
    history: history(...txn(0, ['w', 'x', 1]), ...txn(1, ['w', 'x', 2]), ...txn(2, ['r', 'x', 1])),
  },
  {
    name: 'write skew is fine under snapshot isolation',
    model: 'snapshot-isolation',
    allows: ['G2-item'],
    history: history(...txn(0, ['r', 'x', null], ['w', 'y', 1]), ...txn(1, ['r', 'y', null], ['w', 'x', 1])),
  },
];

const invalid: {
  name: string;
  model?: string;
  history: History;
  anomalies: string[];
  notModels?: string[];
}[] = [
  {
    name: 'G1a: aborted write read',
    model: 'read-committed',
    history: history(...aborted(0, ['w', 'x', 1]), ...txn(1, ['r', 'x', 1])),
    anomalies: ['G1a'],
    notModels: ['read-committed'],
  },
  {
    name: 'G1b: intermediate write read',
    model: 'read-committed',
    history: history(...txn(0, ['w', 'x', 1], ['w', 'x', 2]), ...txn(1, ['r', 'x', 1])),
    anomalies: ['G1b'],
  },
  {
    name: 'G1c: circular reads',
    model: 'read-committed',
    history: history(...txn(0, ['w', 'x', 1], ['r', 'y', 1]), ...txn(1, ['w', 'y', 1], ['r', 'x', 1])),
    anomalies: ['G1c'],
  },
  {
    name: 'G-single via the initial state (fractured read)',
    model: 'snapshot-isolation',
    history: history(...txn(0, ['w', 'x', 1], ['w', 'y', 1]), ...txn(1, ['r', 'x', null], ['r', 'y', 1])),
    anomalies: ['G-single'],
    notModels: ['consistent-view', 'repeatable-read'],
  },
  {
    name: 'G2-item: write skew',
    history: history(...txn(0, ['r', 'x', null], ['w', 'y', 1]), ...txn(1, ['r', 'y', null], ['w', 'x', 1])),
    anomalies: ['G2-item'],
    notModels: ['repeatable-read'],
  },
  {
    name: 'lost update',
    model: 'snapshot-isolation',
    history: history(...txn(0, ['r', 'x', null], ['w', 'x', 1]), ...txn(1, ['r', 'x', null], ['w', 'x', 2])),
    anomalies: ['lost-update'],
  },
  {
    name: 'cyclic versions: each txn read the other’s write and overwrote it',
    model: 'read-uncommitted',
    history: history(...txn(0, ['r', 'x', 2], ['w', 'x', 1]), ...txn(1, ['r', 'x', 1], ['w', 'x', 2])),
    anomalies: ['cyclic-versions'],
  },
  {
    name: 'internal: read after own write differs',
    model: 'read-atomic',
    history: history(...txn(1, ['w', 'x', 2]), ...txn(0, ['w', 'x', 1], ['r', 'x', 2])),
    anomalies: ['internal'],
  },
  {
    name: 'future read',
    model: 'read-uncommitted',
    history: history(...txn(0, ['r', 'x', 1], ['w', 'x', 1])),
    anomalies: ['future-read'],
  },
  {
    name: 'garbage read',
    model: 'read-uncommitted',
    history: history(...txn(0, ['r', 'x', 7])),
    anomalies: ['garbage-read'],
  },
  {
    name: 'stale read after a completed write (real-time version order)',
    model: 'strict-serializable',
    history: history(...txn(0, ['w', 'x', 1]), ...txn(1, ['w', 'x', 2]), ...txn(2, ['r', 'x', 1])),
    // The rw edge keeps its kind; its version order relies on real time, so the cycle is a
    // G-single-realtime and rules out no model without real time.
    anomalies: ['G-single-realtime'],
    notModels: ['strong-snapshot-isolation'],
  },
  {
    name: 'causality violation: a read misses a write that happens before it',
    model: 'causal',
    history: history(
      ...txn(0, ['w', 'x', 1]),
      ...txn(1, ['r', 'x', 1], ['w', 'y', 1]),
      ...txn(2, ['r', 'y', 1], ['r', 'x', null]),
    ),
    anomalies: ['cc-axiom', 'G-single'],
    notModels: ['causal', 'consistent-view', 'repeatable-read'],
  },
];

describe('transactional rw-register: valid histories', () => {
  it.each(valid)('$name', ({ history: h, model, allows }) => {
    const r = check(h, model);
    expect(r.anomalies.map((a) => a.id)).toEqual(allows ?? []);
    expect(r.valid).toBe(true);
  });
});

describe('transactional rw-register: anomalies', () => {
  it.each(invalid)('$name', ({ history: h, model, anomalies, notModels }) => {
    const r = check(h, model);
    const ids = r.anomalies.map((a) => a.id);
    for (const id of anomalies) expect(ids, JSON.stringify(r.anomalies, null, 1)).toContain(id);
    expect(r.valid).toBe(false);
    if (notModels) expect(r['notModels']).toEqual(notModels);
  });

  it('says how little rw-register can infer', () => {
    expect(String(check(history())['notes'])).toMatch(/weaker than list-append/);
  });

  it('non-unique writes: unknown instead of a guess', () => {
    const h = history(...txn(0, ['w', 'x', 1]), ...txn(1, ['w', 'x', 1]), ...txn(2, ['r', 'x', 1]));
    const r = check(h, 'serializable');
    expect(r.valid).toBe('unknown');
    expect(r.unknownReason).toMatch(/written more than once/);
  });
});

describe('vector-clock axioms (AWDIT-style)', () => {
  // Read committed (Biswas & Enea) only constrains reads after the one that saw T0; read atomic all.
  const fractured = history(
    ...txn(0, ['w', 'x', 1], ['w', 'y', 1]),
    ...txn(1, ['r', 'y', null], ['r', 'x', 1]),
  );
  const nonMonotonic = history(
    ...txn(0, ['w', 'x', 1]),
    ...txn(1, ['r', 'x', 1], ['w', 'x', 2], ['w', 'y', 2]),
    ...txn(2, ['r', 'y', 2], ['r', 'x', 1]),
  );
  const causalOnly = history(
    ...txn(0, ['w', 'x', 1]),
    ...txn(1, ['r', 'x', 1], ['w', 'y', 1]),
    ...txn(2, ['r', 'y', 1], ['r', 'x', null]),
  );
  it.each([
    ['read-committed', fractured, true],
    ['read-atomic', fractured, false],
    ['read-committed', nonMonotonic, false],
    ['read-atomic', causalOnly, true],
    ['causal', causalOnly, false],
  ] as const)('%s on case %#', (level, h, expected) => {
    const r = checkWeakIsolation(h, { workload: 'rw-register', level });
    expect(r.valid).toBe(expected);
    if (!expected) expect(r.anomalies[0]!.message).toMatch(/T\d+/);
  });

  it('write skew is causal', () => {
    const h = history(...txn(0, ['r', 'x', null], ['w', 'y', 1]), ...txn(1, ['r', 'y', null], ['w', 'x', 1]));
    expect(checkWeakIsolation(h, { workload: 'rw-register', level: 'causal' }).valid).toBe(true);
  });

  it('reports the commit-order cycle as a witness', () => {
    const r = checkWeakIsolation(nonMonotonic, { workload: 'rw-register', level: 'read-committed' });
    expect(r.anomalies[0]!['cycle']).toBeInstanceOf(Array);
    expect(r.anomalies[0]!.message).toMatch(/must come first/);
  });

  it('non-unique writes: unknown', () => {
    const h = history(...txn(0, ['w', 'x', 1]), ...txn(1, ['w', 'x', 1]), ...txn(2, ['r', 'x', 1]));
    const r = checkWeakIsolation(h, { workload: 'rw-register', level: 'causal' });
    expect(r.valid).toBe('unknown');
    expect(r.unknownReason).toMatch(/more than once/);
  });
});
